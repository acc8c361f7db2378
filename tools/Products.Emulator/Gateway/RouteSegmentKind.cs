namespace Products.Emulator.Gateway;

/// <summary>
/// Kinds of route template segments, ordered from most to least specific so that comparing them ranks routes
/// the way "Working with routes for HTTP APIs" describes.
/// </summary>
internal enum RouteSegmentKind
{
    Literal = 0,
    Variable = 1,
    Greedy = 2,
}
