using Products.Lambda.Runtime;
using Products.Emulator.RuntimeApi;

namespace Products.Lambda.Tests.Runtime;

/// <summary>
/// A real Runtime API server and a <see cref="LambdaBootstrap"/> running against it in-process, on its own task.
/// </summary>
internal sealed class BootstrapRun : IAsyncDisposable
{
    // A safety net so a broken loop fails the test instead of hanging the run; never asserted on.
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _output = new();

    private BootstrapRun(RuntimeApiServer server, RecordingHandler recorder)
    {
        Server = server;
        Recorder = recorder;
    }

    public static LambdaFunctionInfo Function { get; } = new(
        "products-test", "$LATEST", 256, "/aws/lambda/products-test", "2026/01/01/[$LATEST]0123456789abcdef");

    public RuntimeApiServer Server { get; }

    public RecordingHandler Recorder { get; }

    /// <summary>RunAsync's result: completes when the loop ends.</summary>
    public Task<int> Exit { get; private set; } = Task.FromResult(-1);

    /// <summary>What the bootstrap wrote to its error output; read it once <see cref="Exit"/> completed.</summary>
    public string Output => _output.ToString();

    public static Task<BootstrapRun> StartAsync(InvocationHandler handler, CancellationToken cancellationToken) =>
        StartAsync(_ => Task.FromResult(handler), options => options, cancellationToken);

    public static async Task<BootstrapRun> StartAsync(
        Func<CancellationToken, Task<InvocationHandler>> initialize,
        Func<LambdaBootstrapOptions, LambdaBootstrapOptions> configure,
        CancellationToken cancellationToken)
    {
        var server = await RuntimeApiServer.StartAsync(cancellationToken);
        var run = new BootstrapRun(server, new RecordingHandler());
        var options = configure(new LambdaBootstrapOptions
        {
            RuntimeApi = server.Endpoint,
            Function = Function,
            HttpHandler = run.Recorder,
            ErrorOutput = TextWriter.Synchronized(run._output),
        });
        run.Exit = Task.Run(() => new LambdaBootstrap(options).RunAsync(initialize, run._stop.Token));
        return run;
    }

    /// <summary>Asks the loop to stop and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await Exit.WaitAsync(Patience);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Exit.WaitAsync(Patience).ContinueWith(_ => { }, TaskScheduler.Default);
        await Server.DisposeAsync();
        Recorder.Dispose();
        _stop.Dispose();
        await _output.DisposeAsync();
    }
}
