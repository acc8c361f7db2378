using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Products.Data;
using Products.Emulator.DynamoDb;
using Xunit;

namespace Products.Testing;

/// <summary>
/// One in-memory dynalite per test class (<c>IClassFixture</c>) or collection, on a free port, installed with
/// <c>npm ci</c> on first use. Tests share the server, never data: each creates its own table or items.
/// </summary>
public sealed class DynaliteFixture : IAsyncLifetime
{
    private DynaliteServer? server;

    /// <summary>dynalite's endpoint.</summary>
    public Uri ServiceUrl => Server.ServiceUrl;

    private DynaliteServer Server => server ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <inheritdoc />
    public async Task InitializeAsync() =>
        server = await DynaliteServer.StartAsync(new DynaliteOptions(RepositoryRoot.Path), CancellationToken.None);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>
    /// A client for this dynalite with dummy credentials, region us-east-1, and the retry and timeout settings of
    /// <see cref="DynamoDbClientFactory"/>, so failures behave as in a function.
    /// </summary>
    public IAmazonDynamoDB CreateClient() => new AmazonDynamoDBClient(
        new BasicAWSCredentials("dynalite", "dynalite"),
        new AmazonDynamoDBConfig
        {
            ServiceURL = ServiceUrl.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = DynamoDbClientFactory.MaxErrorRetry,
            Timeout = DynamoDbClientFactory.AttemptTimeout,
        });

    /// <summary>Creates a products table (hash key <c>id</c>, on demand) with a new unique name and returns the name.</summary>
    public Task<string> CreateProductsTableAsync() => CreateTableAsync($"products-{Guid.NewGuid():N}");

    /// <summary>
    /// Creates an idempotency table (hash key <c>id</c>, on demand, as template.yaml's; dynalite has no TTL) with a new
    /// unique name and returns the name.
    /// </summary>
    public Task<string> CreateIdempotencyTableAsync() => CreateTableAsync($"products-idempotency-{Guid.NewGuid():N}");

    private async Task<string> CreateTableAsync(string tableName)
    {
        using var client = CreateClient();
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = tableName,
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });

        // dynalite reports CREATING until its next tick even with --createTableMs 0.
        while ((await client.DescribeTableAsync(tableName)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(10);
        }

        return tableName;
    }

    /// <summary>Kills dynalite, to test an unreachable database. Its in-memory tables are lost.</summary>
    public Task StopAsync() => Server.StopAsync();

    /// <summary>Starts dynalite again on the same port after <see cref="StopAsync"/> (with no tables).</summary>
    public Task RestartAsync() => Server.StartAsync(CancellationToken.None);

    /// <summary>Freezes dynalite: requests hang until <see cref="Resume"/>.</summary>
    public void Pause() => Server.Pause();

    /// <summary>Unfreezes dynalite after <see cref="Pause"/>.</summary>
    public void Resume() => Server.Resume();
}
