namespace Products.Data.Idempotency;

/// <summary>Result of <see cref="IdempotencyStore.CompleteAsync"/> and <see cref="IdempotencyStore.ReleaseAsync"/>.</summary>
public abstract record FinishOutcome
{
    private FinishOutcome()
    {
    }

    /// <summary>The record was written.</summary>
    public sealed record Written : FinishOutcome;

    /// <summary>The record is no longer this attempt's (taken over after its in-progress expiry, or expired): nothing written.</summary>
    public sealed record NotOwned : FinishOutcome;

    /// <summary>DynamoDB was throttling or unreachable, or the deadline passed.</summary>
    public sealed record Unavailable(TimeSpan RetryAfter) : FinishOutcome;
}
