using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Products.Testing;

namespace Products.Data.Tests;

public sealed class ProductRepositoryTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>, IDisposable
{
    // Sub-millisecond ticks on purpose: createdAt must come back equal after the text round trip.
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 1, 31, 9, 15, 0, 123, TimeSpan.Zero).AddTicks(4567);

    private readonly IAmazonDynamoDB client = dynalite.CreateClient();

    // A safety net, not a timing assertion: a hung call ends as Unavailable and fails the test instead of hanging it.
    private readonly CancellationTokenSource safety = new(TimeSpan.FromSeconds(60));

    [Fact]
    public async Task CreateAsync_ValidDraft_GetReturnsEqualProduct()
    {
        var repository = await NewRepositoryAsync();
        var draft = new ProductDraft("Lamp", 12.5m, "Warm light.", "Home");

        var created = Assert.IsType<CreateOutcome.Created>(await repository.CreateAsync(draft, null, Ct));
        var found = Assert.IsType<GetOutcome.Found>(await repository.GetAsync(created.Product.Id, Ct));

        Assert.Equal(created.Product, found.Product);
        Assert.True(ProductId.IsValid(created.Product.Id));
        Assert.Equal(new ProductDraft("Lamp", 12.5m, "Warm light.", "Home"), ToDraft(found.Product));
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 9, 15, 0, 123, TimeSpan.Zero), found.Product.CreatedAt);
    }

    [Fact]
    public async Task CreateAsync_DraftWithoutOptionalFields_StoresItemInTheDesignedFormat()
    {
        var tableName = await dynalite.CreateProductsTableAsync();
        var repository = NewRepository(tableName);

        var created = Assert.IsType<CreateOutcome.Created>(
            await repository.CreateAsync(new ProductDraft("Lamp", 999999999.99m, null, null), null, Ct));
        var item = (await client.GetItemAsync(tableName, ProductItem.Key(created.Product.Id), Ct)).Item;

        Assert.Equal(["createdAt", "id", "name", "price"], item.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(created.Product.Id, item["id"].S);
        Assert.Equal("Lamp", item["name"].S);
        Assert.Equal("999999999.99", item["price"].N);
        Assert.Equal("2026-01-31T09:15:00.123Z", item["createdAt"].S);
    }

    [Fact]
    public async Task CreateAsync_WithCreator_StoresCreatedByAndGetReturnsIt()
    {
        var tableName = await dynalite.CreateProductsTableAsync();
        var repository = NewRepository(tableName);

        var created = Assert.IsType<CreateOutcome.Created>(
            await repository.CreateAsync(new ProductDraft("Lamp", 1m, null, null), "client-7f3a", Ct));
        var item = (await client.GetItemAsync(tableName, ProductItem.Key(created.Product.Id), Ct)).Item;
        var found = Assert.IsType<GetOutcome.Found>(await repository.GetAsync(created.Product.Id, Ct));

        Assert.Equal("client-7f3a", created.Product.CreatedBy);
        Assert.Equal("client-7f3a", item["createdBy"].S);
        Assert.Equal(created.Product, found.Product);
    }

    [Fact]
    public async Task GetAsync_ItemWrittenBeforeCreatedByExisted_IsReadWithoutCreator()
    {
        var tableName = await dynalite.CreateProductsTableAsync();
        var repository = NewRepository(tableName);
        var id = ProductId.NewId();
        await client.PutItemAsync(tableName, new Dictionary<string, AttributeValue>
        {
            ["id"] = new() { S = id },
            ["name"] = new() { S = "Old" },
            ["price"] = new() { N = "3" },
            ["createdAt"] = new() { S = "2025-12-24T18:00:00.000Z" },
        }, Ct);

        var found = Assert.IsType<GetOutcome.Found>(await repository.GetAsync(id, Ct));

        Assert.Null(found.Product.CreatedBy);
        Assert.Equal("Old", found.Product.Name);
    }

    [Fact]
    public async Task CreateAsync_IdAlreadyStored_ReturnsConflictAndKeepsTheItem()
    {
        var tableName = await dynalite.CreateProductsTableAsync();
        var repository = NewRepository(tableName);
        var id = ProductId.NewId();
        await client.PutItemAsync(tableName, new Dictionary<string, AttributeValue>
        {
            ["id"] = new() { S = id },
            ["name"] = new() { S = "Original" },
            ["price"] = new() { N = "1" },
            ["createdAt"] = new() { S = "2025-12-24T18:00:00.000Z" },
        }, Ct);

        var outcome = await repository.CreateWithIdAsync(new ProductDraft("Intruder", 2m, "d", "c"), null, id, Ct);

        Assert.Equal(new CreateOutcome.Conflict(id), outcome);
        var kept = Assert.IsType<GetOutcome.Found>(await repository.GetAsync(id, Ct)).Product;
        Assert.Equal(
            new Product(id, "Original", 1m, null, null, new DateTimeOffset(2025, 12, 24, 18, 0, 0, TimeSpan.Zero)),
            kept);
    }

    [Fact]
    public async Task CreateAsync_SameIdTwice_SecondIsConflict()
    {
        var repository = await NewRepositoryAsync();
        var id = ProductId.NewId();

        var first = await repository.CreateWithIdAsync(new ProductDraft("First", 1m, null, null), null, id, Ct);
        var second = await repository.CreateWithIdAsync(new ProductDraft("Second", 2m, null, null), null, id, Ct);

        Assert.IsType<CreateOutcome.Created>(first);
        Assert.IsType<CreateOutcome.Conflict>(second);
        Assert.Equal("First", Assert.IsType<GetOutcome.Found>(await repository.GetAsync(id, Ct)).Product.Name);
    }

    [Fact]
    public async Task CreateAsync_RetryOfAPutThatAlreadySucceeded_ReturnsCreated()
    {
        // The SDK retries a put whose answer was lost; the retry's condition fails on the item the first attempt wrote.
        var repository = await NewRepositoryAsync();
        var id = ProductId.NewId();
        var draft = new ProductDraft("Lamp", 12.5m, "Warm light.", "Home");

        var first = Assert.IsType<CreateOutcome.Created>(await repository.CreateWithIdAsync(draft, null, id, Ct));
        var retried = await repository.CreateWithIdAsync(draft, null, id, Ct);

        Assert.Equal(first, retried);
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNotFound()
    {
        var repository = await NewRepositoryAsync();

        Assert.IsType<GetOutcome.NotFound>(await repository.GetAsync(ProductId.NewId(), Ct));
    }

    [Fact]
    public async Task GetAsync_MalformedId_Throws()
    {
        var repository = await NewRepositoryAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => repository.GetAsync("../etc/passwd", Ct));
    }

    [Fact]
    public async Task GetAsync_ItemWithoutPrice_ThrowsCorruptItem()
    {
        var tableName = await dynalite.CreateProductsTableAsync();
        var id = ProductId.NewId();
        await client.PutItemAsync(tableName, new Dictionary<string, AttributeValue>
        {
            ["id"] = new() { S = id },
            ["name"] = new() { S = "No price" },
            ["createdAt"] = new() { S = "2025-12-24T18:00:00.000Z" },
        }, Ct);

        var error = await Assert.ThrowsAsync<CorruptProductItemException>(
            () => NewRepository(tableName).GetAsync(id, Ct));
        Assert.Contains("'price'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_SevenItemsThreePerPage_SeesEveryItemExactlyOnce()
    {
        var repository = await NewRepositoryAsync();
        var created = new List<Product>();
        for (var i = 0; i < 7; i++)
        {
            var outcome = await repository.CreateAsync(new ProductDraft($"Product {i}", i, null, null), null, Ct);
            created.Add(Assert.IsType<CreateOutcome.Created>(outcome).Product);
        }

        var seen = new List<Product>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = Assert.IsType<ListOutcome.Page>(await repository.ListAsync(3, token, Ct));
            Assert.InRange(page.Items.Count, 0, 3);
            seen.AddRange(page.Items);
            token = page.NextToken;
            pages++;
        }
        while (token is not null && pages < 20);

        Assert.InRange(pages, 3, 4);
        Assert.Equal(created.OrderBy(p => p.Id, StringComparer.Ordinal), seen.OrderBy(p => p.Id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListAsync_EmptyTable_ReturnsEmptyLastPage()
    {
        var repository = await NewRepositoryAsync();

        var page = Assert.IsType<ListOutcome.Page>(await repository.ListAsync(ProductLimits.DefaultPageSize, null, Ct));

        Assert.Empty(page.Items);
        Assert.Null(page.NextToken);
    }

    [Fact]
    public async Task ListAsync_EditedToken_ReturnsInvalidPageToken()
    {
        var repository = await NewRepositoryAsync();
        await repository.CreateAsync(new ProductDraft("A", 1m, null, null), null, Ct);
        await repository.CreateAsync(new ProductDraft("B", 1m, null, null), null, Ct);
        var token = Assert.IsType<ListOutcome.Page>(await repository.ListAsync(1, null, Ct)).NextToken;
        Assert.NotNull(token);

        var edited = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        Assert.IsType<ListOutcome.InvalidPageToken>(await repository.ListAsync(1, edited, Ct));
        Assert.IsType<ListOutcome.InvalidPageToken>(await repository.ListAsync(1, "garbage", Ct));
        Assert.IsType<ListOutcome.InvalidPageToken>(await repository.ListAsync(1, string.Empty, Ct));
    }

    [Fact]
    public async Task ListAsync_TokenOfAnotherTable_ReturnsInvalidPageToken()
    {
        var repository = await NewRepositoryAsync();
        var other = await NewRepositoryAsync();
        await other.CreateAsync(new ProductDraft("A", 1m, null, null), null, Ct);
        await other.CreateAsync(new ProductDraft("B", 1m, null, null), null, Ct);
        var foreignToken = Assert.IsType<ListOutcome.Page>(await other.ListAsync(1, null, Ct)).NextToken!;

        Assert.IsType<ListOutcome.InvalidPageToken>(await repository.ListAsync(1, foreignToken, Ct));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(ProductLimits.MaxPageSize + 1)]
    public async Task ListAsync_LimitOutOfRange_Throws(int limit)
    {
        var repository = await NewRepositoryAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => repository.ListAsync(limit, null, Ct));
    }

    public void Dispose()
    {
        client.Dispose();
        safety.Dispose();
    }

    private CancellationToken Ct => safety.Token;

    private static ProductDraft ToDraft(Product product) =>
        new(product.Name, product.Price, product.Description, product.Category);

    private async Task<RepositoryUnderTest> NewRepositoryAsync() =>
        NewRepository(await dynalite.CreateProductsTableAsync());

    private RepositoryUnderTest NewRepository(string tableName) =>
        RepositoryUnderTest.Create(client, tableName, new FixedTimeProvider(Now));
}
