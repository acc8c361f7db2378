namespace Products.Data.Tests;

/// <summary>A clock that always says the same time: createdAt becomes predictable.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
