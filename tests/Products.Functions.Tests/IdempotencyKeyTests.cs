using System.Text;
using Products.Data;
using Products.Data.Idempotency;
using Products.Functions.Tests.Harness;

namespace Products.Functions.Tests;

/// <summary>
/// POST /products with an <c>Idempotency-Key</c>, CreateProduct running as its own process over the Runtime API. The
/// states a retry can meet (in progress, crashed, expired) are set up through the same idempotency store the function
/// uses, on the fixture's tables.
/// </summary>
public sealed class IdempotencyKeyTests(FunctionsFixture functions) : IClassFixture<FunctionsFixture>
{
    private const string Operation = "CreateProduct";

    public static TheoryData<PayloadFormat, string[]> MalformedKeys => new()
    {
        { PayloadFormat.V2, [string.Empty] },
        { PayloadFormat.V2, [new string('k', 256)] },
        { PayloadFormat.V2, ["two words"] },
        { PayloadFormat.V2, ["tab\there"] },
        { PayloadFormat.V2, ["ключ"] },
        { PayloadFormat.V2, ["a,b"] },
        { PayloadFormat.V2, ["first", "second"] },
        { PayloadFormat.V1, ["first", "second"] },
        { PayloadFormat.V1, ["caf\u00e9"] },
        { PayloadFormat.V1, ["bell\u0007"] },
    };

    [Theory]
    [InlineData(PayloadFormat.V2)]
    [InlineData(PayloadFormat.V1)]
    public async Task Create_SameKeyAndProductTwice_SecondAnswersTheFirstByteForByte_MarkedReplayed(PayloadFormat version)
    {
        var name = "Lamp " + Guid.NewGuid().ToString("N");
        var key = NewKey();
        var before = await functions.CountItemsAsync();

        var first = await functions.PostWithKeyAsync($$"""{"name":"{{name}}","price":12.5}""", version, key);
        // The same product written differently by another client library: still a retry.
        var retry = await functions.PostWithKeyAsync($$"""{ "price": 12.50, "name": "{{name}}" }""", version, key);

        Assert.Equal(201, first.StatusCode);
        Assert.False(first.Headers.ContainsKey("Idempotent-Replayed"));
        Assert.Equal(name, first.Json.GetProperty("data").GetProperty("name").GetString());
        Assert.Equal(201, retry.StatusCode);
        Assert.Equal("true", retry.Header("Idempotent-Replayed"));
        Assert.Equal(first.Body, retry.Body);
        Assert.Equal(first.Header("Location"), retry.Header("Location"));
        Assert.Equal(before + 1, await functions.CountItemsAsync());
    }

    [Theory]
    [InlineData(PayloadFormat.V2)]
    [InlineData(PayloadFormat.V1)]
    public async Task Create_SameKeyFromAnotherCaller_IsNotARetry_EachCallerGetsItsOwnProduct(PayloadFormat version)
    {
        const string body = """{"name":"Shared key","price":2}""";
        var key = NewKey();
        var before = await functions.CountItemsAsync();

        var mine = await functions.PostWithKeyAsync("caller-a", body, version, key);
        var theirs = await functions.PostWithKeyAsync("caller-b", body, version, key);
        var anonymous = await functions.PostWithKeyAsync(null, body, version, key);
        var mineAgain = await functions.PostWithKeyAsync("caller-a", body, version, key);

        Assert.Equal([201, 201, 201, 201], new[] { mine, theirs, anonymous, mineAgain }.Select(r => r.StatusCode));
        Assert.Equal(3, new[] { mine, theirs, anonymous }.Select(r => r.Header("Location")).Distinct().Count());
        Assert.Equal("caller-b", theirs.Json.GetProperty("data").GetProperty("createdBy").GetString());
        Assert.Equal(mine.Body, mineAgain.Body);
        Assert.Equal("true", mineAgain.Header("Idempotent-Replayed"));
        Assert.Equal(before + 3, await functions.CountItemsAsync());
    }

    [Fact]
    public async Task Create_SameKeyWithAnotherProduct_Is422NamingTheHeader_AndCreatesNothing()
    {
        var key = NewKey();
        Assert.Equal(201, (await functions.PostWithKeyAsync("""{"name":"Original","price":1}""", PayloadFormat.V2, key)).StatusCode);
        var before = await functions.CountItemsAsync();

        var reused = await functions.PostWithKeyAsync("""{"name":"Something else","price":1}""", PayloadFormat.V2, key);

        Assert.Equal(422, reused.StatusCode);
        Assert.Equal("Idempotency-Key was already used with a different request body", reused.Json.GetProperty("message").GetString());
        Assert.Equal("Idempotency-Key", reused.Json.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal("no-store", reused.Header("Cache-Control"));
        Assert.Equal(before, await functions.CountItemsAsync());
    }

    [Theory]
    [MemberData(nameof(MalformedKeys))]
    public async Task Create_MalformedKey_Is400NamingTheHeader_AndWritesNothing(PayloadFormat version, string[] keys)
    {
        var products = await functions.CountItemsAsync();
        var records = await functions.CountItemsAsync(functions.IdempotencyTableName);

        var response = await functions.PostWithKeyAsync("""{"name":"Lamp","price":1}""", version, keys);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("Invalid Idempotency-Key header", response.Json.GetProperty("message").GetString());
        Assert.Equal("Idempotency-Key", response.Json.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(products, await functions.CountItemsAsync());
        Assert.Equal(records, await functions.CountItemsAsync(functions.IdempotencyTableName));
    }

    [Fact]
    public async Task Create_KeyOf255VisibleAsciiCharacters_IsAccepted()
    {
        var visible = string.Concat(Enumerable.Range('!', '~' - '!' + 1).Select(c => (char)c)).Replace(",", string.Empty, StringComparison.Ordinal);
        var key = (visible + visible + visible)[..255];

        var response = await functions.PostWithKeyAsync("""{"name":"Long key","price":1}""", PayloadFormat.V2, key);

        Assert.Equal(201, response.StatusCode);
    }

    [Fact]
    public async Task Create_WhileTheKeysFirstRequestIsInProgress_Is409WithRetryAfter_AndCreatesNothing()
    {
        const string body = """{"name":"Concurrent","price":3}""";
        var key = NewKey();
        var store = NewStore();
        Assert.IsType<BeginOutcome.Claimed>(await store.BeginAsync(
            Attempt(key, body, inProgressUntil: DateTimeOffset.UtcNow.AddMinutes(5), ProductReservation.New(TimeProvider.System)),
            CancellationToken.None));
        var before = await functions.CountItemsAsync();

        var response = await functions.PostWithKeyAsync(body, PayloadFormat.V2, key);

        Assert.Equal(409, response.StatusCode);
        Assert.Equal("1", response.Header("Retry-After"));
        Assert.Equal("A request with this Idempotency-Key is still in progress", response.Json.GetProperty("message").GetString());
        Assert.Equal(before, await functions.CountItemsAsync());
    }

    [Fact]
    public async Task Create_AfterAnAttemptCrashedHavingStoredItsProduct_AnswersThatProduct_AndStoresNoSecond()
    {
        const string body = """{"name":"Survivor","price":4.25,"category":"Home"}""";
        var key = NewKey();
        var reservation = ProductReservation.New(TimeProvider.System);
        // The crashed attempt: claimed the key, stored its product, died before completing the record; its deadline passed.
        Assert.IsType<BeginOutcome.Claimed>(await NewStore().BeginAsync(
            Attempt(key, body, inProgressUntil: DateTimeOffset.UtcNow.AddSeconds(-1), reservation), CancellationToken.None));
        var repository = new ProductRepository(functions.Client, functions.TableName, TimeProvider.System);
        var stored = Assert.IsType<CreateOutcome.Created>(
            await repository.CreateAsync(Draft(body), FunctionsFixture.CallerSubject, reservation, CancellationToken.None)).Product;
        var before = await functions.CountItemsAsync();

        var retry = await functions.PostWithKeyAsync(body, PayloadFormat.V2, key);
        var again = await functions.PostWithKeyAsync(body, PayloadFormat.V1, key);

        Assert.Equal(201, retry.StatusCode);
        Assert.Equal(stored.Id, retry.Json.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal(stored.CreatedAt, retry.Json.GetProperty("data").GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal("products/" + stored.Id, retry.Header("Location"));
        Assert.Equal(retry.Body, again.Body);
        Assert.Equal("true", again.Header("Idempotent-Replayed"));
        Assert.Equal(before, await functions.CountItemsAsync());
    }

    [Fact]
    public async Task Create_AfterTheKeysRetentionPassed_CreatesANewProduct()
    {
        const string body = """{"name":"Yesterday","price":5}""";
        var key = NewKey();
        var dayAgo = new FixedClock(DateTimeOffset.UtcNow.AddHours(-25));
        var old = NewStore(dayAgo);
        var oldReservation = ProductReservation.New(dayAgo);
        var claim = Assert.IsType<BeginOutcome.Claimed>(await old.BeginAsync(
            Attempt(key, body, dayAgo.GetUtcNow().AddSeconds(10), oldReservation, TimeSpan.FromHours(24)), CancellationToken.None)).Claim;
        Assert.IsType<FinishOutcome.Written>(await old.CompleteAsync(
            claim, new StoredResponse(201, Encoding.UTF8.GetBytes("{}"), "/products/" + oldReservation.Id), CancellationToken.None));
        var before = await functions.CountItemsAsync();

        var response = await functions.PostWithKeyAsync(body, PayloadFormat.V2, key);

        Assert.Equal(201, response.StatusCode);
        Assert.False(response.Headers.ContainsKey("Idempotent-Replayed"));
        Assert.NotEqual(oldReservation.Id, response.Json.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal(before + 1, await functions.CountItemsAsync());
    }

    [Fact]
    public async Task Create_WithoutKey_WritesNoIdempotencyRecord()
    {
        var records = await functions.CountItemsAsync(functions.IdempotencyTableName);
        var products = await functions.CountItemsAsync();

        var first = await functions.PostWithKeyAsync("""{"name":"Plain","price":1}""", PayloadFormat.V2);
        var second = await functions.PostWithKeyAsync("""{"name":"Plain","price":1}""", PayloadFormat.V2);

        Assert.Equal(201, first.StatusCode);
        Assert.Equal(201, second.StatusCode);
        Assert.NotEqual(first.Header("Location"), second.Header("Location"));
        Assert.Equal(products + 2, await functions.CountItemsAsync());
        Assert.Equal(records, await functions.CountItemsAsync(functions.IdempotencyTableName));
    }

    private static string NewKey() => "key-" + Guid.NewGuid().ToString("N");

    private static ProductDraft Draft(string body) =>
        Assert.IsType<DraftParseResult.Valid>(ProductDraftParser.Parse(Encoding.UTF8.GetBytes(body))).Draft;

    // The record the function looks for: the fixture caller's key for this operation, with the body's fingerprint.
    private static IdempotencyAttempt Attempt(
        string key, string body, DateTimeOffset inProgressUntil, ProductReservation reservation, TimeSpan? retention = null) => new(
        IdempotencyRecordId.For(Operation, FunctionsFixture.CallerSubject, key),
        PayloadFingerprint.Of(Draft(body)),
        retention ?? TimeSpan.FromHours(24),
        inProgressUntil,
        reservation);

    private IdempotencyStore NewStore(TimeProvider? clock = null) =>
        new(functions.Client, functions.IdempotencyTableName, clock ?? TimeProvider.System);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
