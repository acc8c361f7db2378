using Amazon.DynamoDBv2;
using Products.Testing;

namespace Products.Data.Tests;

/// <summary>
/// DynamoDB outages, on a dynalite of their own (these tests stop and freeze it): the repository must answer
/// Unavailable, never throw, whether the connection is refused or the caller's deadline (3 s here, as a Lambda function
/// would pass down) passes first.
/// </summary>
public sealed class ProductRepositoryOutageTests(DynaliteFixture dynalite)
    : IClassFixture<DynaliteFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    private readonly IAmazonDynamoDB client = dynalite.CreateClient();
    private RepositoryUnderTest repository = null!;

    public async Task InitializeAsync()
    {
        var tableName = await dynalite.CreateProductsTableAsync();
        repository = RepositoryUnderTest.Create(client, tableName, TimeProvider.System);
    }

    public Task DisposeAsync()
    {
        client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AllOperations_DynaliteStopped_ReturnUnavailable()
    {
        var created = Assert.IsType<CreateOutcome.Created>(
            await repository.CreateAsync(new ProductDraft("Lamp", 1m, null, null), null, CancellationToken.None));
        await dynalite.StopAsync();
        try
        {
            // No deadline here: the refused connection itself must become Unavailable, not the cancellation.
            var create = await repository.CreateAsync(new ProductDraft("Lamp", 1m, null, null), null, CancellationToken.None);
            var get = await repository.GetAsync(created.Product.Id, CancellationToken.None);
            var list = await repository.ListAsync(10, null, CancellationToken.None);

            Assert.Equal(new CreateOutcome.Unavailable(TimeSpan.FromSeconds(5)), create);
            Assert.Equal(new GetOutcome.Unavailable(TimeSpan.FromSeconds(5)), get);
            Assert.Equal(new ListOutcome.Unavailable(TimeSpan.FromSeconds(5)), list);
        }
        finally
        {
            await dynalite.RestartAsync();
        }
    }

    [Fact]
    public async Task GetAsync_DynaliteStoppedAndDeadlineOfThreeSeconds_ReturnsUnavailable()
    {
        var created = Assert.IsType<CreateOutcome.Created>(
            await repository.CreateAsync(new ProductDraft("Lamp", 1m, null, null), null, CancellationToken.None));
        await dynalite.StopAsync();
        try
        {
            using var deadline = new CancellationTokenSource(Deadline);

            var outcome = await repository.GetAsync(created.Product.Id, deadline.Token);

            Assert.IsType<GetOutcome.Unavailable>(outcome);
        }
        finally
        {
            await dynalite.RestartAsync();
        }
    }

    [Fact]
    public async Task GetAsync_DynaliteFrozen_ReturnsUnavailableWhenTheDeadlinePasses()
    {
        var created = Assert.IsType<CreateOutcome.Created>(
            await repository.CreateAsync(new ProductDraft("Lamp", 1m, null, null), null, CancellationToken.None));
        dynalite.Pause();
        try
        {
            using var deadline = new CancellationTokenSource(Deadline);

            var outcome = await repository.GetAsync(created.Product.Id, deadline.Token);

            var unavailable = Assert.IsType<GetOutcome.Unavailable>(outcome);
            Assert.Equal(TimeSpan.FromSeconds(5), unavailable.RetryAfter);
        }
        finally
        {
            dynalite.Resume();
        }
    }

    [Fact]
    public async Task CreateAsync_DynaliteBackAfterOutage_Succeeds()
    {
        await dynalite.StopAsync();
        await dynalite.RestartAsync();
        var tableName = await dynalite.CreateProductsTableAsync();
        var afterRestart = RepositoryUnderTest.Create(client, tableName, TimeProvider.System);

        var outcome = await afterRestart.CreateAsync(new ProductDraft("Lamp", 1m, null, null), null, CancellationToken.None);

        Assert.IsType<CreateOutcome.Created>(outcome);
    }
}
