namespace Products.Emulator.Lambda;

/// <summary>Scaling of one function's environments.</summary>
public sealed record FunctionPoolOptions
{
    /// <summary>Concurrent environments allowed (the function's concurrency); past it invocations are throttled.</summary>
    public int MaxEnvironments { get; init; } = 10;

    /// <summary>An environment left idle this long is stopped (Lambda does so after an unspecified few minutes).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Environments of this function starting at the same time. Lambda starts them in parallel on its own hardware; here
    /// they share a few cores, and .NET start-ups in parallel slow each other down until they time out.
    /// </summary>
    public int MaxConcurrentStarts { get; init; } = 1;

    public ExecutionEnvironmentOptions Environment { get; init; } = new();
}
