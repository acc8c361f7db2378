using Products.Lambda.Environment;

namespace Products.Lambda.Runtime;

/// <summary>Settings of <see cref="LambdaBootstrap"/>; <see cref="FromEnvironment"/> gives the ones Lambda sets.</summary>
public sealed record LambdaBootstrapOptions
{
    /// <summary>How long before Lambda's deadline <see cref="LambdaContext.CancellationToken"/> fires by default.</summary>
    public static readonly TimeSpan DefaultDeadlineSafetyMargin = TimeSpan.FromMilliseconds(250);

    /// <summary>host:port of the Runtime API (AWS_LAMBDA_RUNTIME_API); null when not running in Lambda.</summary>
    public required string? RuntimeApi { get; init; }

    /// <summary>The function's environment, handed to every <see cref="LambdaContext"/>.</summary>
    public required LambdaFunctionInfo Function { get; init; }

    /// <summary>Clock for deadlines and remaining time.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// How long before the deadline the handler's token is cancelled, leaving it time to answer (e.g. with a 503)
    /// before Lambda kills the invocation.
    /// </summary>
    public TimeSpan DeadlineSafetyMargin { get; init; } = DefaultDeadlineSafetyMargin;

    /// <summary>HTTP transport for the Runtime API, for tests; null uses a socket handler.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>
    /// AWS_LAMBDA_INITIALIZATION_TYPE (<see cref="InitializationTypes"/>); null is on-demand. With
    /// <see cref="InitializationTypes.SnapStart"/> the bootstrap plays the snapshot lifecycle after init.
    /// </summary>
    public string? InitializationType { get; init; }

    /// <summary>The SnapStart hooks to run; by default the process-wide <see cref="SnapshotRestore.Hooks"/>.</summary>
    public SnapshotHooks SnapshotHooks { get; init; } = SnapshotRestore.Hooks;

    /// <summary>Where the bootstrap reports its own problems; Lambda sends stderr to CloudWatch Logs.</summary>
    public TextWriter ErrorOutput { get; init; } = Console.Error;

    /// <summary>
    /// Options from the variables Lambda sets (AWS_LAMBDA_RUNTIME_API, AWS_LAMBDA_INITIALIZATION_TYPE and the
    /// function's own).
    /// </summary>
    public static LambdaBootstrapOptions FromEnvironment(IEnvironmentReader environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new LambdaBootstrapOptions
        {
            RuntimeApi = environment.Get(EnvironmentVariableNames.RuntimeApi),
            Function = LambdaFunctionInfo.FromEnvironment(environment),
            InitializationType = environment.Get(EnvironmentVariableNames.InitializationType),
        };
    }
}
