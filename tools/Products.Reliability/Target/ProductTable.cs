using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Products.Reliability.Target;

/// <summary>
/// The products table read straight through the AWS SDK, bypassing the API: the suites' ground truth for what was
/// written. Reads are strongly consistent scans.
/// </summary>
public sealed class ProductTable(Uri endpoint, string tableName, string region) : IDisposable
{
    private readonly AmazonDynamoDBClient _client = new(
        new BasicAWSCredentials("reliability", "reliability"),
        new AmazonDynamoDBConfig
        {
            ServiceURL = endpoint.ToString(),
            AuthenticationRegion = region,
            MaxErrorRetry = 5,
        });

    /// <summary>The products table's logical id in template.yaml (it has other tables: the idempotency records).</summary>
    public const string LogicalId = "ProductsTable";

    public string Name => tableName;

    /// <summary>Every item, keyed by id.</summary>
    public async Task<IReadOnlyDictionary<string, Dictionary<string, AttributeValue>>> ScanAllAsync(CancellationToken ct)
    {
        var items = new Dictionary<string, Dictionary<string, AttributeValue>>(StringComparer.Ordinal);
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await _client.ScanAsync(
                new ScanRequest { TableName = tableName, ConsistentRead = true, ExclusiveStartKey = start },
                ct);
            foreach (var item in page.Items ?? [])
            {
                items[item["id"].S] = item;
            }

            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        return items;
    }

    public void Dispose() => _client.Dispose();
}
