namespace Products.Reliability.Load;

/// <summary>
/// An open-model load: virtual users arrive at a fixed rate whatever the API's speed (a slow API does not slow the
/// arrivals down, as it would in a closed loop). AWS's demo profile is 100 arrivals/s for 60 s; 80 % create a product
/// and read it back, 20 % list a page. Creates carry an <c>Idempotency-Key</c> and are retried by <see cref="Retry"/>.
/// Before the measured arrivals, an optional <see cref="WarmUp"/> ramps the same mix up to the rate, as load tests
/// ramp up a deployed API (and as Lambda would have scaled it): it is reported on its own line, not in the figures.
/// </summary>
public sealed record LoadProfile(int ArrivalsPerSecond, TimeSpan Duration, double CreateShare = 0.8, int PageSize = 20)
{
    public RetryPolicy Retry { get; init; } = new();

    /// <summary>The ramp before the measured arrivals: five equal steps at 20 %, 40 % … 100 % of the rate (zero: none).</summary>
    public TimeSpan WarmUp { get; init; }

    public static LoadProfile AwsDemo { get; } = new(100, TimeSpan.FromSeconds(60)) { WarmUp = TimeSpan.FromSeconds(10) };

    /// <summary>The warm-up's steps, as profiles of their own (none without a warm-up).</summary>
    public IEnumerable<LoadProfile> WarmUpSteps()
    {
        const int steps = 5;
        for (var step = 1; WarmUp > TimeSpan.Zero && step <= steps; step++)
        {
            yield return this with
            {
                ArrivalsPerSecond = Math.Max(1, ArrivalsPerSecond * step / steps),
                Duration = WarmUp / steps,
                WarmUp = TimeSpan.Zero,
            };
        }
    }

    public int Arrivals => (int)Math.Round(ArrivalsPerSecond * Duration.TotalSeconds);
}
