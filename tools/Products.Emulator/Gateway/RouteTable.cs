namespace Products.Emulator.Gateway;

/// <summary>
/// The routes of one HTTP API and the route selection of "Working with routes for HTTP APIs" (section "Routing API
/// requests"): the most specific match wins — a full match (literal segments before <c>{variables}</c>, compared left
/// to right) beats a greedy <c>{proxy+}</c> match (longest literal prefix first), which beats <c>$default</c>; for
/// the same path a route's own method beats <c>ANY</c> ("ANY matches all methods that you haven't defined for a
/// resource"). Literal segments compare case-sensitively; a trailing slash is significant, so <c>/products/</c> does
/// not match <c>/products</c>.
/// </summary>
internal sealed class RouteTable
{
    private const string AnyMethod = "ANY";

    private static readonly HashSet<string> KnownMethods =
        new(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", AnyMethod], StringComparer.Ordinal);

    private readonly List<(RouteDefinition Route, RouteTemplate Template)> _routes = [];
    private readonly RouteDefinition? _default;

    public RouteTable(IEnumerable<RouteDefinition> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var shapes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var route in routes)
        {
            ArgumentNullException.ThrowIfNull(route);
            if (string.IsNullOrWhiteSpace(route.FunctionLogicalId))
            {
                throw new ArgumentException($"Route '{route.RouteKey}' names no function.", nameof(routes));
            }

            if (route.IsDefault)
            {
                if (_default is not null)
                {
                    throw new ArgumentException("An HTTP API has at most one $default route.", nameof(routes));
                }

                _default = route;
                continue;
            }

            if (!KnownMethods.Contains(route.Method))
            {
                throw new ArgumentException(
                    $"Route '{route.RouteKey}': method must be one of {string.Join(", ", KnownMethods)} in upper case.",
                    nameof(routes));
            }

            var template = RouteTemplate.Parse(route.PathTemplate);
            if (!shapes.Add($"{route.Method} {template.Shape}"))
            {
                throw new ArgumentException($"Route '{route.RouteKey}' conflicts with another route of the same method and path.", nameof(routes));
            }

            _routes.Add((route, template));
        }
    }

    /// <summary>
    /// The best route for a request, or null (the caller answers 404 Not Found). <paramref name="rawPath"/> is the
    /// path as received, still percent-encoded, without the query string.
    /// </summary>
    public RouteMatch? Match(string method, string rawPath)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(rawPath);
        var segments = RequestPath.Segments(rawPath);

        RouteDefinition? best = null;
        RouteTemplate? bestTemplate = null;
        Dictionary<string, string>? bestParameters = null;
        foreach (var (route, template) in _routes)
        {
            if (route.Method != AnyMethod && !string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!template.TryMatch(segments, out var parameters))
            {
                continue;
            }

            if (best is null || Compare(route, template, best, bestTemplate!) < 0)
            {
                best = route;
                bestTemplate = template;
                bestParameters = parameters;
            }
        }

        if (best is not null)
        {
            return new RouteMatch(best, bestParameters!);
        }

        return _default is null ? null : new RouteMatch(_default, new Dictionary<string, string>(StringComparer.Ordinal));
    }

    /// <summary>Negative when <paramref name="route"/> is more specific than <paramref name="other"/>.</summary>
    private static int Compare(RouteDefinition route, RouteTemplate template, RouteDefinition other, RouteTemplate otherTemplate)
    {
        if (template.IsGreedy != otherTemplate.IsGreedy)
        {
            return template.IsGreedy ? 1 : -1;
        }

        var count = Math.Min(template.Segments.Count, otherTemplate.Segments.Count);
        for (var i = 0; i < count; i++)
        {
            var byKind = template.Segments[i].Kind.CompareTo(otherTemplate.Segments[i].Kind);
            if (byKind != 0)
            {
                return byKind;
            }
        }

        // Same kinds up to the shorter one: both greedy (the longer one has more literal prefix) or identical shapes.
        var byLength = otherTemplate.Segments.Count.CompareTo(template.Segments.Count);
        if (byLength != 0)
        {
            return byLength;
        }

        var anyRoute = route.Method == AnyMethod;
        var anyOther = other.Method == AnyMethod;
        return anyRoute == anyOther ? 0 : anyRoute ? 1 : -1;
    }
}
