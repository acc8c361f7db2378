using System.Text.Json;
using Products.Reliability.Target;

namespace Products.Reliability.Hostile;

/// <summary>
/// Sends every request of a corpus and checks each answer: a 4xx the request expects, a JSON error whose text names the
/// problem, no leaks, the security headers on function errors; and afterwards that the table holds exactly what it
/// held before.
/// </summary>
public sealed class HostileSuite(ApiTarget target)
{
    private const int Parallelism = 4;

    public async Task<HostileReport> RunAsync(IReadOnlyList<HostileRequest> corpus, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var before = target.Table is null ? null : await target.Table.ScanAllAsync(ct);
        var results = new HostileResult[corpus.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, corpus.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, token) => results[i] = await SendAsync(corpus[i], token));
        var after = target.Table is null ? null : await target.Table.ScanAllAsync(ct);
        var unchanged = before is null || after is null
            || (before.Count == after.Count && before.Keys.All(after.ContainsKey));
        return new HostileReport(results, before?.Count ?? -1, after?.Count ?? -1, unchanged);
    }

    private async Task<HostileResult> SendAsync(HostileRequest request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(request.Method, new Uri(request.PathAndQuery, UriKind.Relative));
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = null;
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        foreach (var (name, value) in request.Headers ?? [])
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        var client = target.Http;
        if (request.Authorization is { } authorization)
        {
            client = target.Anonymous;
            foreach (var value in authorization)
            {
                message.Headers.TryAddWithoutValidation("Authorization", value);
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(message, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new HostileResult(request, 0, [$"no answer: {e.GetType().Name} {e.Message}"]);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            return new HostileResult(request, status, [.. Check(request, response, status, body)]);
        }
    }

    private static IEnumerable<string> Check(HostileRequest request, HttpResponseMessage response, int status, string body)
    {
        if (!request.Statuses.Contains(status))
        {
            yield return $"expected {string.Join(" or ", request.Statuses)}";
        }

        if (status is < 400 or >= 500)
        {
            yield return "not a 4xx";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            yield return $"Content-Type {response.Content.Headers.ContentType?.ToString() ?? "missing"}";
        }

        var text = ErrorText(body);
        if (text is null)
        {
            yield return "body is not a JSON object with a message";
        }
        else if (!request.Names.Any(name => text.Contains(name, StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"error does not name the problem ({string.Join(" / ", request.Names)}): {Shorten(body)}";
        }

        foreach (var leak in ResponseHygiene.Leaks(response, body))
        {
            yield return leak;
        }

        if (!request.ByGateway)
        {
            foreach (var missing in ResponseHygiene.MissingSecurityHeaders(response))
            {
                yield return missing;
            }
        }
    }

    /// <summary>The message and every string inside the error, or null when the body is not such an error.</summary>
    private static string? ErrorText(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("message", out var message)
                || message.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(message.GetString()))
            {
                return null;
            }

            return string.Join("\n", Strings(root));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
