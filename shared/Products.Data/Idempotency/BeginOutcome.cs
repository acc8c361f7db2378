namespace Products.Data.Idempotency;

/// <summary>Result of <see cref="IdempotencyStore.BeginAsync"/>: a closed set of cases.</summary>
public abstract record BeginOutcome
{
    private BeginOutcome()
    {
    }

    /// <summary>No live record had the key (or one had expired, or its attempt crashed): this attempt owns it now.</summary>
    public sealed record Claimed(IdempotencyClaim Claim) : BeginOutcome;

    /// <summary>An earlier request with the key and the same payload completed: send its answer again.</summary>
    public sealed record Replay(StoredResponse Response) : BeginOutcome;

    /// <summary>The key was used with a different payload within the retention window.</summary>
    public sealed record PayloadMismatch : BeginOutcome;

    /// <summary>An attempt with the key and the same payload is still running; it counts as crashed after <paramref name="Until"/>.</summary>
    public sealed record InProgress(DateTimeOffset Until) : BeginOutcome;

    /// <summary>DynamoDB was throttling or unreachable, or the deadline passed; nothing is known to be written.</summary>
    public sealed record Unavailable(TimeSpan RetryAfter) : BeginOutcome;
}
