namespace Products.Lambda.Diagnostics;

/// <summary>One point of a <see cref="StartupTimeline"/>.</summary>
/// <param name="Name">What happened, e.g. <c>next.received</c> or <c>sdk.Signer</c>.</param>
/// <param name="AtMs">When, in milliseconds since the runtime started (the timeline's zero).</param>
/// <param name="DurationMs">For a span: how long it took; null for a point in time.</param>
public sealed record StartupMark(string Name, double AtMs, double? DurationMs = null);
