using System.Net.Http.Headers;

namespace Products.Reliability.Hostile;

/// <summary>
/// What no response may leak (exception types, stack traces, internal host names and paths) and the security headers
/// every function error carries (API contract: <c>X-Content-Type-Options: nosniff</c>, <c>Cache-Control: no-store</c>).
/// </summary>
internal static class ResponseHygiene
{
    private static readonly string[] LeakMarkers =
    [
        "Exception", "   at ", ".cs:line", "StackTrace", "System.", "Microsoft.", "Amazon.", "127.0.0.1", "localhost",
        "/tmp/", "/home/", "/work/", "/var/task", "dynalite", "X-Amz-", "x-amzn-ErrorType",
    ];

    /// <summary>Leaks found in the body or any header value.</summary>
    public static IEnumerable<string> Leaks(HttpResponseMessage response, string body)
    {
        ArgumentNullException.ThrowIfNull(response);
        var texts = new List<(string Where, string Text)> { ("body", body) };
        texts.AddRange(AllHeaders(response).Select(h => ($"header {h.Key}", string.Join(", ", h.Value))));
        var markers = LeakMarkers.Append(Environment.MachineName).Where(m => m.Length >= 3);
        foreach (var (where, text) in texts)
        {
            foreach (var marker in markers.Where(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"{where} contains '{marker}'";
            }
        }
    }

    /// <summary>Security headers missing from a function's error response.</summary>
    public static IEnumerable<string> MissingSecurityHeaders(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!HeaderIs(response, "X-Content-Type-Options", "nosniff"))
        {
            yield return "no X-Content-Type-Options: nosniff";
        }

        if (!HeaderIs(response, "Cache-Control", "no-store"))
        {
            yield return "no Cache-Control: no-store";
        }
    }

    private static bool HeaderIs(HttpResponseMessage response, string name, string value) =>
        AllHeaders(response).Any(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)
            && h.Value.Any(v => v.Equals(value, StringComparison.OrdinalIgnoreCase)));

    private static IEnumerable<KeyValuePair<string, IEnumerable<string>>> AllHeaders(HttpResponseMessage response) =>
        response.Headers.Concat<KeyValuePair<string, IEnumerable<string>>>(response.Content.Headers);
}
