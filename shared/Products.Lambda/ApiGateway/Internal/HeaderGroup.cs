namespace Products.Lambda.ApiGateway.Internal;

/// <summary>One response header name (as first written) with every value given for it.</summary>
internal sealed record HeaderGroup(string Name, List<string> Values)
{
    public bool IsSetCookie => Name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase);

    /// <summary>Groups headers by name ignoring case, in order of first appearance.</summary>
    public static List<HeaderGroup> From(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var groups = new List<HeaderGroup>(headers.Count);
        var byName = new Dictionary<string, HeaderGroup>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            Validate(name, value);
            if (byName.TryGetValue(name, out var group))
            {
                group.Values.Add(value);
            }
            else
            {
                group = new HeaderGroup(name, [value]);
                byName.Add(name, group);
                groups.Add(group);
            }
        }

        return groups;
    }

    // A CR or LF in a header would let a value smuggle another header (response splitting); that is a bug, not input.
    private static void Validate(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name.Length == 0 || name.AsSpan().IndexOfAny(": \t\r\n") >= 0)
        {
            throw new ArgumentException($"Response header name '{name}' is empty or has a forbidden character.", nameof(name));
        }

        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException($"Response header '{name}' has a line break or NUL in its value.", nameof(value));
        }
    }
}
