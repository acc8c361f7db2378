namespace Products.Lambda.Tests.Runtime;

/// <summary>A clock that stays where the test puts it (only <see cref="GetUtcNow"/>; timers stay real).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
