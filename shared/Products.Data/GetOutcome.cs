namespace Products.Data;

/// <summary>Result of <see cref="ProductRepository.GetAsync"/>: a closed set of cases.</summary>
public abstract record GetOutcome
{
    private GetOutcome()
    {
    }

    /// <summary>The product exists.</summary>
    public sealed record Found(Product Product) : GetOutcome;

    /// <summary>No product has this id.</summary>
    public sealed record NotFound : GetOutcome;

    /// <summary>DynamoDB was throttling or unreachable, or the deadline passed.</summary>
    public sealed record Unavailable(TimeSpan RetryAfter) : GetOutcome;
}
