namespace Products.Data;

/// <summary>Result of <see cref="ProductRepository.CreateAsync"/>: a closed set of cases.</summary>
public abstract record CreateOutcome
{
    private CreateOutcome()
    {
    }

    /// <summary>The product was stored as returned.</summary>
    public sealed record Created(Product Product) : CreateOutcome;

    /// <summary>An item with the new id already existed and was left untouched (a UUID collision: practically never).</summary>
    public sealed record Conflict(string Id) : CreateOutcome;

    /// <summary>DynamoDB was throttling or unreachable, or the deadline passed; nothing is known to be stored.</summary>
    public sealed record Unavailable(TimeSpan RetryAfter) : CreateOutcome;
}
