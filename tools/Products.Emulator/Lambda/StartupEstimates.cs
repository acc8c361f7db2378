namespace Products.Emulator.Lambda;

/// <summary>
/// What a pool has seen of its function: how long an environment takes to start (spawn to first <c>next</c>), its
/// first invocation and a warm one, as exponentially weighted moving averages so they follow a machine that gets busier.
/// Not thread-safe: the pool updates and reads it under its lock.
/// </summary>
internal sealed class StartupEstimates
{
    // Before the first observation: about what a .NET function's init takes on a busy small machine. Only its order
    // of magnitude matters: it is compared with warm invocations of a few milliseconds.
    private static readonly TimeSpan UnobservedInit = TimeSpan.FromSeconds(1);

    // Warm invocations are many and similar: a slow average. Starts are few: each counts more.
    private const double WarmWeight = 0.1;
    private const double StartWeight = 0.5;

    private double? _initMs;
    private double? _firstInvocationMs;
    private double? _warmInvocationMs;

    /// <summary>A new environment's start plus its first invocation.</summary>
    public TimeSpan ColdStart => TimeSpan.FromMilliseconds(
        (_initMs ?? UnobservedInit.TotalMilliseconds) + (_firstInvocationMs ?? _warmInvocationMs ?? 0));

    /// <summary>An invocation on a warm environment; zero before one was seen.</summary>
    public TimeSpan WarmInvocation => TimeSpan.FromMilliseconds(_warmInvocationMs ?? 0);

    public void ObserveInit(TimeSpan spawnToReady) => _initMs = Average(_initMs, spawnToReady, StartWeight);

    /// <param name="first">
    /// Whether it was the first invocation of an environment just started for it (a cold one); that start's init was
    /// observed where the start happened (<see cref="ObserveInit"/>).
    /// </param>
    public void ObserveInvocation(bool first, TimeSpan duration)
    {
        if (first)
        {
            _firstInvocationMs = Average(_firstInvocationMs, duration, StartWeight);
        }
        else
        {
            _warmInvocationMs = Average(_warmInvocationMs, duration, WarmWeight);
        }
    }

    private static double Average(double? current, TimeSpan sample, double weight) =>
        current is { } value ? value + (weight * (sample.TotalMilliseconds - value)) : sample.TotalMilliseconds;
}
