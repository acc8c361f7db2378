using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Products.Data.Idempotency;
using Products.Testing;

namespace Products.Data.Tests.Idempotency;

/// <summary>The idempotency store's transitions, one by one, against dynalite with a clock moved by hand.</summary>
public sealed class IdempotencyStoreTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>, IAsyncLifetime, IDisposable
{
    private readonly IAmazonDynamoDB client = dynalite.CreateClient();
    private readonly ManualClock clock = new(Attempts.Start);

    // A safety net, not a timing assertion: a hung call ends as Unavailable and fails the test instead of hanging it.
    private readonly CancellationTokenSource safety = new(TimeSpan.FromSeconds(60));

    private string tableName = string.Empty;
    private IdempotencyStore store = null!;

    private CancellationToken Ct => safety.Token;

    public async Task InitializeAsync()
    {
        tableName = await dynalite.CreateIdempotencyTableAsync();
        store = new IdempotencyStore(client, tableName, clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        client.Dispose();
        safety.Dispose();
    }

    [Fact]
    public async Task Begin_NewKey_ClaimsWithItsOwnReservation_AndWritesAnInProgressItem()
    {
        var attempt = Attempts.For(Attempts.NewRecordId(), Attempts.Hash("Lamp"), clock);

        var claimed = Assert.IsType<BeginOutcome.Claimed>(await store.BeginAsync(attempt, Ct));

        Assert.Equal(attempt.Reservation, claimed.Claim.Reservation);
        Assert.False(claimed.Claim.TookOver);
        var item = (await client.GetItemAsync(tableName, IdempotencyItem.Key(attempt.RecordId), Ct)).Item;
        Assert.Equal(
            ["attempt", "createdAt", "expiration", "id", "inProgressExpiry", "payloadHash", "productId", "status"],
            item.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("INPROGRESS", item["status"].S);
        Assert.Equal((Attempts.Start + Attempts.Retention).ToUnixTimeSeconds().ToString(), item["expiration"].N);
        Assert.Equal((Attempts.Start + Attempts.FunctionTimeout).ToUnixTimeMilliseconds().ToString(), item["inProgressExpiry"].N);
        Assert.Equal(attempt.PayloadHash, item["payloadHash"].S);
        Assert.Equal(attempt.Reservation.Id, item["productId"].S);
    }

    [Fact]
    public async Task Complete_ThenTheSameRequest_ReplaysTheStoredResponseByteForByte()
    {
        var recordId = Attempts.NewRecordId();
        var first = Attempts.For(recordId, Attempts.Hash("Lamp"), clock);
        var claim = Assert.IsType<BeginOutcome.Claimed>(await store.BeginAsync(first, Ct)).Claim;
        var response = Attempts.Response(claim.Reservation);

        Assert.IsType<FinishOutcome.Written>(await store.CompleteAsync(claim, response, Ct));
        clock.Advance(TimeSpan.FromHours(23));
        var replay = Assert.IsType<BeginOutcome.Replay>(await store.BeginAsync(Attempts.For(recordId, first.PayloadHash, clock), Ct));

        Assert.Equal(201, replay.Response.StatusCode);
        Assert.Equal(response.Body.ToArray(), replay.Response.Body.ToArray());
        Assert.Equal(response.Location, replay.Response.Location);
        var item = (await client.GetItemAsync(tableName, IdempotencyItem.Key(recordId), Ct)).Item;
        Assert.Equal("COMPLETED", item["status"].S);
        Assert.False(item.ContainsKey("inProgressExpiry"));
    }

    [Fact]
    public async Task Begin_EightAtOnceWithOneKey_ExactlyOneClaims_TheOthersAreInProgress()
    {
        var recordId = Attempts.NewRecordId();
        var hash = Attempts.Hash("Lamp");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => store.BeginAsync(Attempts.For(recordId, hash, clock), Ct))));

        Assert.Single(outcomes.OfType<BeginOutcome.Claimed>());
        Assert.Equal(7, outcomes.OfType<BeginOutcome.InProgress>().Count());
    }

    [Fact]
    public async Task Complete_ByAnAttemptWhoseRecordWasTakenOver_WritesNothing()
    {
        var recordId = Attempts.NewRecordId();
        var hash = Attempts.Hash("Lamp");
        var crashed = Assert.IsType<BeginOutcome.Claimed>(await store.BeginAsync(Attempts.For(recordId, hash, clock), Ct)).Claim;
        clock.Advance(Attempts.FunctionTimeout + TimeSpan.FromMilliseconds(1));
        var takeover = Assert.IsType<BeginOutcome.Claimed>(await store.BeginAsync(Attempts.For(recordId, hash, clock), Ct)).Claim;

        var late = await store.CompleteAsync(crashed, Attempts.Response(crashed.Reservation), Ct);

        Assert.IsType<FinishOutcome.NotOwned>(late);
        Assert.True(takeover.TookOver);
        Assert.Equal(crashed.Reservation, takeover.Reservation);
        var item = (await client.GetItemAsync(tableName, IdempotencyItem.Key(recordId), Ct)).Item;
        Assert.Equal(takeover.Attempt, item["attempt"].S);
        Assert.Equal("INPROGRESS", item["status"].S);
    }

    [Fact]
    public async Task Release_ThenTheSameRequest_TakesOverAtOnceKeepingTheReservation()
    {
        var recordId = Attempts.NewRecordId();
        var hash = Attempts.Hash("Lamp");
        var failed = Assert.IsType<BeginOutcome.Claimed>(await store.BeginAsync(Attempts.For(recordId, hash, clock), Ct)).Claim;

        Assert.IsType<FinishOutcome.Written>(await store.ReleaseAsync(failed, Ct));
        var retry = Assert.IsType<BeginOutcome.Claimed>(await store.BeginAsync(Attempts.For(recordId, hash, clock), Ct)).Claim;

        Assert.True(retry.TookOver);
        Assert.Equal(failed.Reservation, retry.Reservation);
    }

    [Fact]
    public async Task Begin_OnACorruptRecord_ThrowsWithoutTheRecordsContent()
    {
        var recordId = Attempts.NewRecordId();
        await client.PutItemAsync(tableName, new Dictionary<string, AttributeValue>
        {
            ["id"] = new() { S = recordId },
            ["status"] = new() { S = "DONE" },
            ["payloadHash"] = new() { S = "secret-hash" },
        }, Ct);

        var error = await Assert.ThrowsAsync<CorruptIdempotencyRecordException>(
            () => store.BeginAsync(Attempts.For(recordId, "secret-hash", clock), Ct));

        Assert.DoesNotContain("secret-hash", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(recordId, error.Message, StringComparison.Ordinal);
    }
}
