using System.Buffers;

namespace Products.Emulator.Gateway;

/// <summary>
/// A parsed route path. Rules from "Working with routes for HTTP APIs": a path variable fills one whole segment,
/// a greedy variable (<c>{proxy+}</c>) must be the last segment and catches all child resources, and path
/// parameters reach the integration percent-decoded.
/// </summary>
internal sealed class RouteTemplate
{
    public const string DefaultRouteKey = "$default";

    private static readonly SearchValues<char> VariableNameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    private RouteTemplate(IReadOnlyList<RouteSegment> segments)
    {
        Segments = segments;
    }

    public IReadOnlyList<RouteSegment> Segments { get; }

    public bool IsGreedy => Segments.Count > 0 && Segments[^1].Kind == RouteSegmentKind.Greedy;

    /// <summary>The template with variable names erased, so <c>/a/{x}</c> and <c>/a/{y}</c> are seen as the same route.</summary>
    public string Shape => "/" + string.Join('/', Segments.Select(s => s.Kind switch
    {
        RouteSegmentKind.Literal => s.Value,
        RouteSegmentKind.Variable => "{}",
        _ => "{+}",
    }));

    public static RouteTemplate Parse(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!template.StartsWith('/'))
        {
            throw new ArgumentException($"Route path '{template}' must start with '/'.", nameof(template));
        }

        if (template == "/")
        {
            return new RouteTemplate([]);
        }

        if (template.EndsWith('/'))
        {
            throw new ArgumentException($"Route path '{template}' must not end with '/'.", nameof(template));
        }

        var parts = template[1..].Split('/');
        var segments = new List<RouteSegment>(parts.Length);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i++)
        {
            var segment = ParseSegment(template, parts[i]);
            if (segment.Kind == RouteSegmentKind.Greedy && i != parts.Length - 1)
            {
                throw new ArgumentException($"Route path '{template}': a greedy variable must be the last segment.", nameof(template));
            }

            if (segment.Kind != RouteSegmentKind.Literal && !names.Add(segment.Value))
            {
                throw new ArgumentException($"Route path '{template}' repeats the variable '{segment.Value}'.", nameof(template));
            }

            segments.Add(segment);
        }

        return new RouteTemplate(segments);
    }

    /// <summary>
    /// Matches percent-decoded request segments. A <c>{variable}</c> needs a non-empty segment; a greedy variable
    /// needs at least one remaining segment, which may be the empty one a trailing slash leaves (<c>/a/</c> matches
    /// <c>/a/{proxy+}</c> with an empty proxy, <c>/a</c> does not).
    /// </summary>
    public bool TryMatch(IReadOnlyList<string> requestSegments, out Dictionary<string, string> parameters)
    {
        parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Segments.Count; i++)
        {
            var segment = Segments[i];
            if (segment.Kind == RouteSegmentKind.Greedy)
            {
                if (requestSegments.Count <= i)
                {
                    return false;
                }

                parameters[segment.Value] = string.Join('/', requestSegments.Skip(i));
                return true;
            }

            if (i >= requestSegments.Count)
            {
                return false;
            }

            var value = requestSegments[i];
            if (segment.Kind == RouteSegmentKind.Literal)
            {
                if (!string.Equals(segment.Value, value, StringComparison.Ordinal))
                {
                    return false;
                }
            }
            else if (value.Length == 0)
            {
                return false;
            }
            else
            {
                parameters[segment.Value] = value;
            }
        }

        return requestSegments.Count == Segments.Count;
    }

    private static RouteSegment ParseSegment(string template, string part)
    {
        if (part.Length == 0)
        {
            throw new ArgumentException($"Route path '{template}' has an empty segment.", nameof(template));
        }

        var opens = part.Contains('{', StringComparison.Ordinal);
        var closes = part.Contains('}', StringComparison.Ordinal);
        if (!opens && !closes)
        {
            return new RouteSegment(RouteSegmentKind.Literal, part);
        }

        if (!part.StartsWith('{') || !part.EndsWith('}') || part.IndexOf('{', 1) >= 0 || part.IndexOf('}') != part.Length - 1)
        {
            throw new ArgumentException(
                $"Route path '{template}': a variable must fill a whole segment, as in '{{id}}' or '{{proxy+}}' (got '{part}').",
                nameof(template));
        }

        var inner = part[1..^1];
        var greedy = inner.EndsWith('+');
        var name = greedy ? inner[..^1] : inner;
        if (name.Length == 0 || name.AsSpan().ContainsAnyExcept(VariableNameChars))
        {
            throw new ArgumentException(
                $"Route path '{template}': variable name '{name}' must use only letters, digits, '.', '_' or '-'.",
                nameof(template));
        }

        return new RouteSegment(greedy ? RouteSegmentKind.Greedy : RouteSegmentKind.Variable, name);
    }
}
