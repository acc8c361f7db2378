namespace Products.Reliability.Load;

/// <summary>
/// An open-model load: virtual users arrive at a fixed rate whatever the API's speed (a slow API does not slow the
/// arrivals down, as it would in a closed loop). AWS's demo profile is 100 arrivals/s for 60 s; 80 % create a product
/// and read it back, 20 % list a page. Creates carry an <c>Idempotency-Key</c> and are retried by <see cref="Retry"/>.
/// </summary>
public sealed record LoadProfile(int ArrivalsPerSecond, TimeSpan Duration, double CreateShare = 0.8, int PageSize = 20)
{
    public RetryPolicy Retry { get; init; } = new();

    public static LoadProfile AwsDemo { get; } = new(100, TimeSpan.FromSeconds(60));

    public int Arrivals => (int)Math.Round(ArrivalsPerSecond * Duration.TotalSeconds);
}
