using Amazon.DynamoDBv2;
using Products.Data.Idempotency;
using Products.Testing;

namespace Products.Data.Tests.Idempotency;

/// <summary>
/// DynamoDB outages on a dynalite of their own (these tests stop and freeze it): every store call must answer
/// Unavailable, never throw, whether the connection is refused or the caller's deadline passes first.
/// </summary>
public sealed class IdempotencyStoreOutageTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>, IAsyncLifetime
{
    private readonly IAmazonDynamoDB client = dynalite.CreateClient();
    private IdempotencyStore store = null!;

    public async Task InitializeAsync() =>
        store = new IdempotencyStore(client, await dynalite.CreateIdempotencyTableAsync(), TimeProvider.System);

    public Task DisposeAsync()
    {
        client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EveryCall_DynaliteStopped_ReturnsUnavailable()
    {
        var attempt = Attempts.For(Attempts.NewRecordId(), Attempts.Hash("Lamp"), TimeProvider.System);
        var claim = Assert.IsType<BeginOutcome.Claimed>(await store.BeginAsync(attempt, CancellationToken.None)).Claim;
        await dynalite.StopAsync();
        try
        {
            var begin = await store.BeginAsync(attempt, CancellationToken.None);
            var complete = await store.CompleteAsync(claim, Attempts.Response(claim.Reservation), CancellationToken.None);
            var release = await store.ReleaseAsync(claim, CancellationToken.None);

            Assert.Equal(new BeginOutcome.Unavailable(TimeSpan.FromSeconds(5)), begin);
            Assert.Equal(new FinishOutcome.Unavailable(TimeSpan.FromSeconds(5)), complete);
            Assert.Equal(new FinishOutcome.Unavailable(TimeSpan.FromSeconds(5)), release);
        }
        finally
        {
            await dynalite.RestartAsync();
        }
    }

    [Fact]
    public async Task Begin_DynaliteFrozen_ReturnsUnavailableWhenTheDeadlinePasses()
    {
        var attempt = Attempts.For(Attempts.NewRecordId(), Attempts.Hash("Lamp"), TimeProvider.System);
        dynalite.Pause();
        try
        {
            // 3 s, as a Lambda function would pass its deadline down.
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(3));

            var outcome = await store.BeginAsync(attempt, deadline.Token);

            Assert.IsType<BeginOutcome.Unavailable>(outcome);
        }
        finally
        {
            dynalite.Resume();
        }
    }
}
