using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Products.Reliability.Target;

namespace Products.Reliability.Load;

/// <summary>
/// Checks acknowledged writes against the table itself (a DynamoDB scan through the SDK) and through the API again:
/// every 201 is in the table with the content returned, readable via GET with the same content, and the table grew by
/// exactly the number of 201s.
/// </summary>
internal sealed class WriteVerification(ApiTarget target)
{
    private const int Parallelism = 2;
    private const int ThrottledAttempts = 20;

    public async Task<WriteVerificationResult> VerifyAsync(
        IReadOnlyCollection<CreatedProduct> created, int itemsBefore, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(created);
        var table = target.Table ?? throw new InvalidOperationException("Verification needs the table (hosted API, or --dynamodb-endpoint and --table).");
        var items = await table.ScanAllAsync(ct);
        var problems = new List<string>();
        foreach (var product in created)
        {
            if (!items.TryGetValue(product.Id, out var item))
            {
                problems.Add($"{product.Id}: acknowledged with 201 but not in the table");
            }
            else if (!SameContent(product.DataJson, item))
            {
                problems.Add($"{product.Id}: the table holds other content than the 201 returned");
            }
        }

        var unreadable = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await Parallel.ForEachAsync(created, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (product, token) =>
        {
            using var response = await GetUntilNotThrottledAsync(product.Id, token);
            var body = await response.Content.ReadAsStringAsync(token);
            if (response.StatusCode != System.Net.HttpStatusCode.OK)
            {
                unreadable.Enqueue($"{product.Id}: GET answered {(int)response.StatusCode}");
            }
            else if (LoadDriver.DataJson(body) != product.DataJson)
            {
                unreadable.Enqueue($"{product.Id}: GET returned other content than the 201");
            }
        });
        problems.AddRange(unreadable);
        return new WriteVerificationResult(created.Count, items.Count - itemsBefore, created.Count - unreadable.Count, problems);
    }

    // 429 is Lambda's throttle, not an answer about the product: a client retries it after a pause.
    private async Task<HttpResponseMessage> GetUntilNotThrottledAsync(string id, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await target.Http.GetAsync("products/" + id, ct);
            if (response.StatusCode != System.Net.HttpStatusCode.TooManyRequests || attempt == ThrottledAttempts)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), ct);
        }
    }

    private static bool SameContent(string dataJson, Dictionary<string, AttributeValue> item)
    {
        using var document = JsonDocument.Parse(dataJson);
        var data = document.RootElement;
        return Text(data, "name") == item.GetValueOrDefault("name")?.S
            && data.GetProperty("price").GetDecimal() == decimal.Parse(item["price"].N, CultureInfo.InvariantCulture)
            && Text(data, "description") == item.GetValueOrDefault("description")?.S
            && Text(data, "category") == item.GetValueOrDefault("category")?.S
            && Text(data, "createdAt") == item.GetValueOrDefault("createdAt")?.S;
    }

    private static string? Text(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
