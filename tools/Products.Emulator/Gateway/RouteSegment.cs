namespace Products.Emulator.Gateway;

/// <summary>A segment of a route template: literal text, or the name of a <c>{variable}</c> / <c>{greedy+}</c>.</summary>
internal sealed record RouteSegment(RouteSegmentKind Kind, string Value);
