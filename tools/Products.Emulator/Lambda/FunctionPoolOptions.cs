namespace Products.Emulator.Lambda;

/// <summary>Scaling of one function's environments.</summary>
public sealed record FunctionPoolOptions
{
    /// <summary>Concurrent environments allowed (the function's concurrency); past it invocations are throttled.</summary>
    public int MaxEnvironments { get; init; } = 10;

    /// <summary>An environment left idle this long is stopped (Lambda does so after an unspecified few minutes).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Environment starts allowed at once, shared by every pool given the same gate. Lambda starts environments in
    /// parallel on its own hardware; here they share a few cores. Null: a gate of the pool's own with
    /// <see cref="EnvironmentStartGate.DefaultConcurrentStarts"/> turns.
    /// </summary>
    public EnvironmentStartGate? StartGate { get; init; }

    public ExecutionEnvironmentOptions Environment { get; init; } = new();
}
