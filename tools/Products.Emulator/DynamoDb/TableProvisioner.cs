using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Products.Emulator.Template;

namespace Products.Emulator.DynamoDb;

/// <summary>
/// Creates the template's DynamoDB tables in the local engine (CreateTable as the DynamoDB API reference defines it),
/// leaving existing tables and their data alone. Settings the local engine cannot apply are reported, never silently
/// dropped.
/// </summary>
internal sealed class TableProvisioner(IAmazonDynamoDB client, Action<string> report)
{
    public async Task EnsureAsync(IEnumerable<TableDefinition> tables, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var existing = await ListTablesAsync(ct);
        foreach (var table in tables)
        {
            if (existing.Contains(table.TableName))
            {
                report($"table {table.TableName}: exists, data kept");
                continue;
            }

            await client.CreateTableAsync(ToRequest(table), ct);
            report($"table {table.TableName}: created ({table.BillingMode})");
            if (table.TimeToLive is { Enabled: true } ttl)
            {
                // dynalite has no UpdateTimeToLive: items never expire locally.
                report($"table {table.TableName}: TimeToLiveSpecification on '{ttl.AttributeName}' skipped (the local engine has no TTL; items do not expire)");
            }

            if (table.StreamViewType is not null)
            {
                report($"table {table.TableName}: StreamSpecification skipped (no stream consumers are emulated)");
            }
        }
    }

    private async Task<HashSet<string>> ListTablesAsync(CancellationToken ct)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        string? start = null;
        do
        {
            var page = await client.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = start }, ct);
            names.UnionWith(page.TableNames ?? []);
            start = page.LastEvaluatedTableName;
        }
        while (start is not null);

        return names;
    }

    internal static CreateTableRequest ToRequest(TableDefinition table)
    {
        var provisioned = string.Equals(table.BillingMode, "PROVISIONED", StringComparison.Ordinal);
        var request = new CreateTableRequest
        {
            TableName = table.TableName,
            AttributeDefinitions = [.. table.AttributeDefinitions.Select(a => new Amazon.DynamoDBv2.Model.AttributeDefinition(a.AttributeName, a.AttributeType))],
            KeySchema = ToKeySchema(table.KeySchema),
            BillingMode = provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST,
        };
        if (provisioned)
        {
            request.ProvisionedThroughput = ToThroughput(table.ProvisionedThroughput);
        }

        if (table.GlobalSecondaryIndexes.Count > 0)
        {
            request.GlobalSecondaryIndexes = [.. table.GlobalSecondaryIndexes.Select(index => new GlobalSecondaryIndex
            {
                IndexName = index.IndexName,
                KeySchema = ToKeySchema(index.KeySchema),
                Projection = ToProjection(index),
                ProvisionedThroughput = provisioned ? ToThroughput(index.ProvisionedThroughput) : null,
            })];
        }

        if (table.LocalSecondaryIndexes.Count > 0)
        {
            request.LocalSecondaryIndexes = [.. table.LocalSecondaryIndexes.Select(index => new LocalSecondaryIndex
            {
                IndexName = index.IndexName,
                KeySchema = ToKeySchema(index.KeySchema),
                Projection = ToProjection(index),
            })];
        }

        return request;
    }

    private static List<Amazon.DynamoDBv2.Model.KeySchemaElement> ToKeySchema(IReadOnlyList<Template.KeySchemaElement> keys) =>
        [.. keys.Select(k => new Amazon.DynamoDBv2.Model.KeySchemaElement(k.AttributeName, k.KeyType))];

    private static Projection ToProjection(SecondaryIndexDefinition index) => new()
    {
        ProjectionType = index.ProjectionType,
        NonKeyAttributes = index.NonKeyAttributes.Count > 0 ? [.. index.NonKeyAttributes] : null,
    };

    // CloudFormation requires throughput for PROVISIONED tables; the template loader has already checked it is present.
    private static ProvisionedThroughput ToThroughput(ProvisionedThroughputDefinition? throughput) => new(
        throughput?.ReadCapacityUnits ?? 1,
        throughput?.WriteCapacityUnits ?? 1);
}
