using Microsoft.AspNetCore.WebUtilities;

namespace Products.Emulator.Gateway;

/// <summary>
/// Query string parameters, decoded ("API Gateway decodes URL-encoded request parameters before passing them to
/// your backend integration", "Working with routes for HTTP APIs"), names in order of first appearance, each with
/// every value in order. The one place the emulator parses a query: pairs and decoding are ASP.NET Core's
/// (<see cref="QueryStringEnumerable"/>: <c>&amp;</c>-separated, empty pairs skipped, a name without <c>=</c> gets an
/// empty value, <c>+</c> decodes to a space).
/// </summary>
internal static class QueryParameters
{
    public static IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Parse(string rawQuery)
    {
        var byName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var pair in new QueryStringEnumerable(rawQuery))
        {
            var name = pair.DecodeName().ToString();
            if (!byName.TryGetValue(name, out var values))
            {
                values = [];
                byName[name] = values;
                order.Add(name);
            }

            values.Add(pair.DecodeValue().ToString());
        }

        return order.Select(n => new KeyValuePair<string, IReadOnlyList<string>>(n, byName[n])).ToArray();
    }
}
