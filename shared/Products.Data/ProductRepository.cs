using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Products.Data;

/// <summary>
/// Products in one DynamoDB table (low-level client: no reflection). Expected failures come back as outcome values:
/// throttling, 5xx, network errors, timeouts and cancellation of <c>ct</c> (the Lambda deadline) are
/// <c>Unavailable</c>; other exceptions are defects (bad configuration, missing table, <see cref="CorruptProductItemException"/>).
/// </summary>
/// <param name="client">A client from <see cref="DynamoDbClientFactory"/>, created once per process.</param>
/// <param name="tableName">The table (from <c>TABLE_NAME</c>).</param>
/// <param name="time">Clock for <c>createdAt</c>.</param>
public sealed class ProductRepository(
    IAmazonDynamoDB client, string tableName, TimeProvider time)
{
    // "id" is not a DynamoDB reserved word today; a placeholder keeps it that way for good.
    private const string IdNotExists = "attribute_not_exists(#id)";

    /// <summary>Stores a new product with a server-assigned id and creation time; never overwrites an item.</summary>
    /// <param name="draft">The validated client input.</param>
    /// <param name="createdBy">The caller's verified identity (token subject), or null when unknown.</param>
    /// <param name="ct">The Lambda deadline.</param>
    public Task<CreateOutcome> CreateAsync(ProductDraft draft, string? createdBy, CancellationToken ct) =>
        CreateAsync(draft, createdBy, ProductReservation.New(time), ct);

    /// <summary>Seam for tests: create with a chosen id, to prove the conditional put never overwrites.</summary>
    internal Task<CreateOutcome> CreateWithIdAsync(ProductDraft draft, string? createdBy, string id, CancellationToken ct) =>
        CreateAsync(draft, createdBy, new ProductReservation(id, time.GetUtcNow()), ct);

    /// <summary>
    /// Stores a new product under an id and creation time chosen earlier; never overwrites an item. Repeating the call
    /// with the same draft, creator and reservation answers <see cref="CreateOutcome.Created"/> with the same product
    /// whether or not an earlier call stored it, so a retried create (after a crash or a lost answer) cannot make a
    /// duplicate.
    /// </summary>
    /// <exception cref="ArgumentException">The reservation's id is not a valid <see cref="ProductId"/>.</exception>
    public async Task<CreateOutcome> CreateAsync(
        ProductDraft draft, string? createdBy, ProductReservation reservation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(reservation);
        if (!ProductId.IsValid(reservation.Id))
        {
            throw new ArgumentException("The reserved id is not a product id.", nameof(reservation));
        }

        var product = new Product(
            reservation.Id,
            draft.Name,
            draft.Price,
            draft.Description,
            draft.Category,
            ProductTimestamp.Truncate(reservation.CreatedAt),
            string.IsNullOrEmpty(createdBy) ? null : createdBy);
        var request = new PutItemRequest
        {
            TableName = tableName,
            Item = ProductItem.ToItem(product),
            ConditionExpression = IdNotExists,
            ExpressionAttributeNames = new Dictionary<string, string> { ["#id"] = ProductItem.Id },
        };

        try
        {
            await client.PutItemAsync(request, ct);
            return new CreateOutcome.Created(product);
        }
        catch (ConditionalCheckFailedException)
        {
            return await CreatedEarlierOrConflictAsync(product, ct);
        }
        catch (Exception e) when (DynamoDbFailures.IsTransient(e, out var retryAfter))
        {
            return new CreateOutcome.Unavailable(retryAfter);
        }
    }

    /// <summary>
    /// The condition failed: either another item holds the id, or this very put already succeeded on an earlier attempt
    /// whose answer was lost (the SDK retries a put that timed out after DynamoDB wrote it). A strongly consistent read
    /// tells them apart, so a stored product is acknowledged instead of answered with an error.
    /// </summary>
    private async Task<CreateOutcome> CreatedEarlierOrConflictAsync(Product product, CancellationToken ct)
    {
        try
        {
            var stored = await client.GetItemAsync(
                new GetItemRequest { TableName = tableName, Key = ProductItem.Key(product.Id), ConsistentRead = true }, ct);
            return stored.Item is { Count: > 0 } item && ProductItem.FromItem(item) == product
                ? new CreateOutcome.Created(product)
                : new CreateOutcome.Conflict(product.Id);
        }
        catch (Exception e) when (DynamoDbFailures.IsTransient(e, out var retryAfter))
        {
            return new CreateOutcome.Unavailable(retryAfter);
        }
    }

    /// <summary>Reads one product with a strongly consistent read (read-your-write after create).</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a valid <see cref="ProductId"/>: check first.</exception>
    public async Task<GetOutcome> GetAsync(string id, CancellationToken ct)
    {
        if (!ProductId.IsValid(id))
        {
            throw new ArgumentException("Not a product id; validate with ProductId.IsValid first.", nameof(id));
        }

        var request = new GetItemRequest { TableName = tableName, Key = ProductItem.Key(id), ConsistentRead = true };
        GetItemResponse response;
        try
        {
            response = await client.GetItemAsync(request, ct);
        }
        catch (Exception e) when (DynamoDbFailures.IsTransient(e, out var retryAfter))
        {
            return new GetOutcome.Unavailable(retryAfter);
        }

        // SDK v4 leaves collections null rather than empty when DynamoDB sends none.
        return response.Item is { Count: > 0 } item
            ? new GetOutcome.Found(ProductItem.FromItem(item))
            : new GetOutcome.NotFound();
    }

    /// <summary>
    /// Reads one page of a table scan, starting after the position in <paramref name="pageToken"/> (null: from the start).
    /// </summary>
    /// <param name="limit">Page size.</param>
    /// <param name="pageToken">The previous page's <c>nextToken</c>, or null for the first page.</param>
    /// <param name="pageTokens">
    /// Signs and checks tokens; its scope should be this table. Passed per call because its keys rotate while the
    /// repository lives for the whole process.
    /// </param>
    /// <param name="ct">The caller's deadline.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1..<see cref="ProductLimits.MaxPageSize"/>.</exception>
    public async Task<ListOutcome> ListAsync(int limit, string? pageToken, PageTokenCodec pageTokens, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pageTokens);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, ProductLimits.MaxPageSize);

        var request = new ScanRequest { TableName = tableName, Limit = limit };
        if (pageToken is not null)
        {
            if (!pageTokens.TryDecode(pageToken, out var lastId))
            {
                return new ListOutcome.InvalidPageToken();
            }

            request.ExclusiveStartKey = ProductItem.Key(lastId);
        }

        ScanResponse response;
        try
        {
            response = await client.ScanAsync(request, ct);
        }
        catch (Exception e) when (DynamoDbFailures.IsTransient(e, out var retryAfter))
        {
            return new ListOutcome.Unavailable(retryAfter);
        }

        var items = response.Items?.Select(ProductItem.FromItem).ToArray() ?? [];
        // Items were checked by FromItem, so a LastEvaluatedKey id is canonical unless the key itself is corrupt.
        var lastKey = response.LastEvaluatedKey?.GetValueOrDefault(ProductItem.Id)?.S;
        if (lastKey is not null && !ProductId.IsValid(lastKey))
        {
            throw new CorruptProductItemException($"Scan stopped at an item whose id '{lastKey}' is not a product id.");
        }

        var nextToken = lastKey is null ? null : pageTokens.Encode(lastKey);
        return new ListOutcome.Page(items, nextToken);
    }
}
