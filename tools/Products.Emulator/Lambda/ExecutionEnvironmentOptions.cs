namespace Products.Emulator.Lambda;

/// <summary>How execution environments are started and stopped; the defaults are Lambda's.</summary>
public sealed record ExecutionEnvironmentOptions
{
    /// <summary>
    /// 10 s: the Init phase limit in "Understanding the Lambda execution environment lifecycle". (Lambda then retries
    /// init within the first invocation's timeout; the emulator reports the failure instead, which is clearer.)
    /// </summary>
    public TimeSpan InitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Between SIGTERM and kill when an environment is stopped; Lambda gives extensions 2 s to shut down.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(2);

    public IFunctionLogSink LogSink { get; init; } = new ConsoleFunctionLogSink();

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The emulator's variables, from which only PATH, HOME and DOTNET_* reach a function.</summary>
    public IReadOnlyDictionary<string, string> HostEnvironment { get; init; } = FunctionProcessEnvironment.CurrentHost();
}
