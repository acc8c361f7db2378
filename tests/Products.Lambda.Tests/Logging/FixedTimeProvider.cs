namespace Products.Lambda.Tests.Logging;

/// <summary>A clock that says what the test sets (used by the Logging and Metrics tests).</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
