namespace Products.Emulator.Gateway;

/// <summary>
/// Query string parameters, decoded ("API Gateway decodes URL-encoded request parameters before passing them to
/// your backend integration", "Working with routes for HTTP APIs"), names in order of first appearance, each with
/// every value in order. A name without <c>=</c> gets an empty value; <c>+</c> decodes to a space.
/// </summary>
internal static class QueryParameters
{
    public static IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Parse(string rawQuery)
    {
        var byName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            if (!byName.TryGetValue(name, out var values))
            {
                values = [];
                byName[name] = values;
                order.Add(name);
            }

            values.Add(value);
        }

        return order.Select(n => new KeyValuePair<string, IReadOnlyList<string>>(n, byName[n])).ToArray();
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
