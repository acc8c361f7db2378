namespace Products.Data.Tests;

/// <summary>A repository on one test table together with the page-token codec scoped to that table.</summary>
internal sealed class RepositoryUnderTest(ProductRepository repository, PageTokenCodec tokens)
{
    public Task<CreateOutcome> CreateAsync(ProductDraft draft, string? createdBy, CancellationToken ct) =>
        repository.CreateAsync(draft, createdBy, ct);

    public Task<CreateOutcome> CreateWithIdAsync(ProductDraft draft, string? createdBy, string id, CancellationToken ct) =>
        repository.CreateWithIdAsync(draft, createdBy, id, ct);

    public Task<GetOutcome> GetAsync(string id, CancellationToken ct) => repository.GetAsync(id, ct);

    public Task<ListOutcome> ListAsync(int limit, string? pageToken, CancellationToken ct) =>
        repository.ListAsync(limit, pageToken, tokens, ct);

    public static RepositoryUnderTest Create(Amazon.DynamoDBv2.IAmazonDynamoDB client, string tableName, TimeProvider time) => new(
        new ProductRepository(client, tableName, time),
        new PageTokenCodec(new PageTokenKeys(TestKeys.Current, null), tableName));
}
