namespace Products.Local.Lambda;

/// <summary>Scaling of one function's environments.</summary>
internal sealed record FunctionPoolOptions
{
    /// <summary>Concurrent environments allowed (the function's concurrency); past it invocations are throttled.</summary>
    public int MaxEnvironments { get; init; } = 10;

    /// <summary>An environment left idle this long is stopped (Lambda does so after an unspecified few minutes).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public ExecutionEnvironmentOptions Environment { get; init; } = new();
}
