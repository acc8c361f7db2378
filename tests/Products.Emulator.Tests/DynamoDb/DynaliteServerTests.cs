using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Products.Emulator.DynamoDb;
using Products.Testing;
using Products.Tooling;

namespace Products.Emulator.Tests.DynamoDb;

public sealed class DynaliteServerTests : IDisposable
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), $"products-dynalite-test-{Guid.NewGuid():N}");

    [Fact]
    public async Task StartAsync_AgainAfterStop_KeepsPortAndTablesOnDisk()
    {
        await using var server = await DynaliteServer.StartAsync(
            new DynaliteOptions(RepositoryRoot.Path, DataPath: dataPath), CancellationToken.None);
        var tableName = $"t-{Guid.NewGuid():N}";
        using (var client = CreateClient(server))
        {
            await client.CreateTableAsync(new CreateTableRequest
            {
                TableName = tableName,
                KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
                AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
                BillingMode = BillingMode.PAY_PER_REQUEST,
            });
        }

        var port = server.Port;
        await server.StopAsync();
        Assert.False(server.IsRunning);
        await server.StartAsync(CancellationToken.None);

        Assert.Equal(port, server.Port);
        using var afterRestart = CreateClient(server);
        Assert.Contains(tableName, (await afterRestart.ListTablesAsync(new ListTablesRequest())).TableNames);
    }

    [Fact]
    public async Task Resume_AfterPause_ServesRequestsAgain()
    {
        await using var server = await DynaliteServer.StartAsync(
            new DynaliteOptions(RepositoryRoot.Path), CancellationToken.None);
        using var client = CreateClient(server);

        server.Pause();
        server.Resume();

        Assert.NotNull(await client.ListTablesAsync(new ListTablesRequest()));
    }

    [Fact]
    public async Task StartAsync_WhileRunning_Throws()
    {
        await using var server = await DynaliteServer.StartAsync(
            new DynaliteOptions(RepositoryRoot.Path), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => server.StartAsync(CancellationToken.None));
    }

    [Fact]
    public async Task StartAsync_PortTaken_ThrowsWithDynalitesOwnWords()
    {
        await using var first = await DynaliteServer.StartAsync(
            new DynaliteOptions(RepositoryRoot.Path), CancellationToken.None);

        var error = await Assert.ThrowsAsync<DynaliteException>(() => DynaliteServer.StartAsync(
            new DynaliteOptions(RepositoryRoot.Path, Port: first.Port), CancellationToken.None));

        Assert.Contains("EADDRINUSE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindRoot_FromNestedFolder_ReturnsTheFolderWithTheSolution()
    {
        var nested = Path.Combine(RepositoryRoot.Path, "tools", "Products.Emulator", "DynamoDb");

        Assert.Equal(RepositoryRoot.Path, RepositoryLayout.FindRoot(nested));
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "Products.sln")));
    }

    [Fact]
    public void FindRoot_OutsideAnyCheckout_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => RepositoryLayout.FindRoot(Path.GetTempPath()));
    }

    public void Dispose()
    {
        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private static AmazonDynamoDBClient CreateClient(DynaliteServer server) => new(
        new BasicAWSCredentials("dynalite", "dynalite"),
        new AmazonDynamoDBConfig { ServiceURL = server.ServiceUrl.ToString(), AuthenticationRegion = "us-east-1" });
}
