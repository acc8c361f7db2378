using System.Runtime.InteropServices;
using Products.Lambda.AwsClients;
using Products.Lambda.Diagnostics;
using Products.Lambda.Environment;
using Products.Lambda.Http;
using Products.Lambda.Logging;
using Products.Lambda.Metrics;
using Products.Lambda.Runtime;

namespace Products.Lambda.Hosting;

/// <summary>Runs an API Gateway-backed Lambda function: the whole of a function's <c>Main</c> is one call to this.</summary>
public static class ApiFunction
{
    /// <summary>
    /// Builds the process-wide services, runs <paramref name="initialize"/> once (reporting a failure to Lambda's init
    /// error endpoint), then serves invocations until the Runtime API ends or SIGTERM arrives.
    /// </summary>
    /// <param name="allowedMethods">The HTTP methods the function serves; others get 405 with <c>Allow</c>.</param>
    /// <param name="initialize">Builds the handler from the services; runs outside any invocation (Lambda's init phase).</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> allowedMethods,
        Func<FunctionServices, CancellationToken, ValueTask<ApiHandler>> initialize)
    {
        ArgumentNullException.ThrowIfNull(allowedMethods);
        ArgumentNullException.ThrowIfNull(initialize);

        var environment = ProcessEnvironment.Instance;
        var loggerOptions = LoggerOptions.FromEnvironment(environment);
        StructuredLogger? timelineLogger = null;
        if (loggerOptions.MinimumLevel <= LogLevel.Debug)
        {
            // Debug level: time this cold start's phases and log them once the first response is posted. Before any
            // SDK client exists, so their pipelines get the timers.
            StartupTimeline.Enable(marks => timelineLogger?.Debug("Cold start timeline", TimelineFields(marks)));
            StartupTimeline.Mark("runtime.start");
            SdkPipelineTiming.Register();
        }

        // Logs and metrics share one sink so their lines never interleave.
        var sink = new JsonLineSink(Console.OpenStandardOutput());
        var sampling = new RenewableRandom();
        var aws = AwsClientSupport.FromEnvironment(environment);
        var services = new FunctionServices(
            environment,
            new StructuredLogger(loggerOptions, sink, TimeProvider.System, sampling.NextDouble),
            new MetricsRecorder(MetricsOptions.FromEnvironment(environment), sink, TimeProvider.System),
            TimeProvider.System,
            aws);
        timelineLogger = services.Logger;
        var renderer = new ApiResultRenderer(CorsPolicy.FromEnvironment(environment));

        // SnapStart: registered before the function's own hooks, so after a restore the clients are renewed before any
        // hook of the function runs (after-restore hooks run in registration order).
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            aws.RenewAfterRestore();
            sampling.Renew();
            return ValueTask.CompletedTask;
        });

        // Lambda sends SIGTERM before shutting an environment down (with extensions); stop between invocations.
        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        var bootstrap = new LambdaBootstrap(LambdaBootstrapOptions.FromEnvironment(environment));
        return await bootstrap.RunAsync(
            async ct =>
            {
                var handler = await initialize(services, ct);
                if (string.Equals(environment.Get(EnvironmentVariableNames.InitializationType), InitializationTypes.SnapStart, StringComparison.Ordinal))
                {
                    SnapshotRestore.RegisterBeforeSnapshot(() => new ValueTask(services.RunPrimingAsync("before the snapshot")));
                }
                else if (string.Equals(environment.Get(EnvironmentVariableNames.PrimeInInit), "true", StringComparison.OrdinalIgnoreCase))
                {
                    await services.RunPrimingAsync("in init");
                }

                return new ApiGatewayInvocationHandler(handler, allowedMethods, renderer, services).HandleAsync;
            },
            stop.Token);
    }

    /// <summary>
    /// One field per mark: <c>at.&lt;name&gt;</c> = ms since the runtime started for points, <c>ms.&lt;name&gt;</c> = the
    /// span's own duration for spans (SDK pipeline handlers, connects). tools/Products.Bench reads these.
    /// </summary>
    private static LogField[] TimelineFields(IReadOnlyList<StartupMark> marks) =>
        [.. marks.Select(m => m.DurationMs is { } duration
            ? LogField.Of("ms." + m.Name, Math.Round(duration, 2))
            : LogField.Of("at." + m.Name, Math.Round(m.AtMs, 2)))];
}
