namespace Products.Reliability.Load;

/// <summary>
/// How the load's client retries a create: what a careful client of an idempotent API does (the AWS SDKs' "standard"
/// retry mode retries throttling, 5xx and transient network errors with capped exponential backoff and jitter), honouring
/// <c>Retry-After</c> when the answer has one.
/// </summary>
/// <param name="MaxAttempts">Attempts in all, the first included.</param>
internal sealed record RetryPolicy(int MaxAttempts = 4)
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>In progress (409), throttled (429), failed (5xx) or unanswered (0): the same request may succeed later.</summary>
    public static bool IsRetryable(int status) => status is 0 or 409 or 429 or >= 500;

    /// <summary>The pause before attempt <paramref name="nextAttempt"/> (2 or more).</summary>
    public static TimeSpan Delay(int nextAttempt, TimeSpan? retryAfter, Random random)
    {
        if (retryAfter is { } asked)
        {
            return asked < MaxDelay ? asked : MaxDelay;
        }

        // Full jitter ("Exponential Backoff And Jitter", AWS Architecture Blog): uniform in [0, base * 2^(n-2)], capped.
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, nextAttempt - 2));
        return TimeSpan.FromMilliseconds(random.NextDouble() * ceiling);
    }
}
