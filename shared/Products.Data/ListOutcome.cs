namespace Products.Data;

/// <summary>Result of <see cref="ProductRepository.ListAsync"/>: a closed set of cases.</summary>
public abstract record ListOutcome
{
    private ListOutcome()
    {
    }

    /// <summary>
    /// One page, in table order. <paramref name="NextToken"/> is null on the last page; a page may hold fewer items than
    /// asked for (even none) and still have a next page, because DynamoDB stops a scan at 1 MB.
    /// </summary>
    public sealed record Page(IReadOnlyList<Product> Items, string? NextToken) : ListOutcome;

    /// <summary>The page token was not issued by this table's codec (edited, foreign, or garbage).</summary>
    public sealed record InvalidPageToken : ListOutcome;

    /// <summary>DynamoDB was throttling or unreachable, or the deadline passed.</summary>
    public sealed record Unavailable(TimeSpan RetryAfter) : ListOutcome;
}
