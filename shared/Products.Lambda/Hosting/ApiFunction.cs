using System.Runtime.InteropServices;
using Products.Lambda.AwsClients;
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
        // Logs and metrics share one sink so their lines never interleave.
        var sink = new JsonLineSink(Console.OpenStandardOutput());
        var sampling = new RenewableRandom();
        var aws = AwsClientSupport.FromEnvironment(environment);
        var services = new FunctionServices(
            environment,
            new StructuredLogger(LoggerOptions.FromEnvironment(environment), sink, TimeProvider.System, sampling.NextDouble),
            new MetricsRecorder(MetricsOptions.FromEnvironment(environment), sink, TimeProvider.System),
            TimeProvider.System,
            aws);
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
                return new ApiGatewayInvocationHandler(handler, allowedMethods, renderer, services).HandleAsync;
            },
            stop.Token);
    }
}
