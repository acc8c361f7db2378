namespace Products.Reliability.Load;

/// <summary>
/// How the load's client retries a create: on a failed or unanswered request (5xx, no answer) and on 409 (the key's first
/// request still running), with capped exponential backoff and jitter as the AWS SDKs' "standard" retry mode, honouring
/// <c>Retry-After</c> when the answer has one. 429 is not retried: the gateway refused it before any function ran, so it
/// leaves no doubt to resolve, and retrying throttled requests in an open-model load only feeds the overload.
/// </summary>
/// <param name="MaxAttempts">Attempts in all, the first included.</param>
public sealed record RetryPolicy(int MaxAttempts = 4)
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>Unanswered (0), in progress (409) or failed (5xx): the create may or may not have happened; the key settles it.</summary>
    public static bool IsRetryable(int status) => status is 0 or 409 or >= 500;

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
