using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Products.Reliability.Target;

namespace Products.Reliability.Load;

/// <summary>
/// Checks acknowledged writes against the table itself (a DynamoDB scan through the SDK) and through the API again:
/// every 201 is in the table with the content returned, readable via GET with the same content; the table holds exactly
/// one product per acknowledged <c>Idempotency-Key</c> (whatever the retries) and at most one per key the client gave up
/// on (its answer may have been lost after the write); and the table grew by exactly that many products.
/// </summary>
internal sealed class WriteVerification(ApiTarget target)
{
    private const int Parallelism = 2;
    private const int ThrottledAttempts = 20;

    public async Task<WriteVerificationResult> VerifyAsync(
        IReadOnlyCollection<KeyedCreate> creates, int itemsBefore, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(creates);
        var created = creates.Select(c => c.Acknowledged).OfType<CreatedProduct>().ToList();
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

        var productsByKey = items.Values
            .Select(item => (Key: KeyOf(item), Id: item["id"].S))
            .Where(entry => entry.Key is not null)
            .ToLookup(entry => entry.Key!, entry => entry.Id, StringComparer.Ordinal);
        var givenUpWithProduct = 0;
        foreach (var create in creates)
        {
            var ids = productsByKey[create.Key].ToList();
            if (create.Acknowledged is { } acknowledged && (ids.Count != 1 || ids[0] != acknowledged.Id))
            {
                problems.Add($"key {create.Key}: acknowledged {acknowledged.Id}, the table holds {ids.Count} products for it ({string.Join(", ", ids)})");
            }
            else if (create.Acknowledged is null && ids.Count > 1)
            {
                problems.Add($"key {create.Key}: given up after {string.Join(", ", create.Statuses)}, yet {ids.Count} products in the table");
            }
            else if (create.Acknowledged is null && ids.Count == 1)
            {
                givenUpWithProduct++;
            }
        }

        return new WriteVerificationResult(
            created.Count, items.Count - itemsBefore, created.Count - unreadable.Count, givenUpWithProduct, problems);
    }

    // The key LoadDriver wrote into the product's description, or null for products the load did not create.
    private static string? KeyOf(Dictionary<string, AttributeValue> item)
    {
        var description = item.GetValueOrDefault("description")?.S;
        var at = description?.IndexOf(LoadDriver.KeyMarker, StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : description![(at + LoadDriver.KeyMarker.Length)..];
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
