using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Products.Emulator.RuntimeApi;
using Products.Tooling;

namespace Products.Emulator.Lambda;

/// <summary>
/// One Lambda execution environment: one function process and its own Runtime API server, living through the
/// phases of "Understanding the Lambda execution environment lifecycle" (Init, Invoke, Shutdown). One invocation at
/// a time; a timeout or a crash ends it (<see cref="IsAlive"/> turns false) and the owner starts a new one.
/// </summary>
public sealed class ExecutionEnvironment : IAsyncDisposable
{
    // How long a dead process's pipes may take to deliver their last lines, and a stopped process to be reaped.
    // Only grandchildren that keep a pipe open can make us wait this long.
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ReapLimit = TimeSpan.FromSeconds(10);

    // The restore phase's limit: after-restore hooks must finish within 10 s.
    private static readonly TimeSpan RestoreLimit = TimeSpan.FromSeconds(10);

    private readonly FunctionLaunchSpec _spec;
    private readonly ExecutionEnvironmentOptions _options;
    private readonly RuntimeApiServer _server;
    private readonly Process _process;
    private readonly string _prefix;
    /// <summary>How many of the last stderr lines an init failure quotes.</summary>
    private const int StderrTailLines = 20;

    private readonly OutputTail _stderrTail;
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _pumps = Task.CompletedTask;
    private bool _started;
    private int _dead;
    private int _disposed;

    private ExecutionEnvironment(
        FunctionLaunchSpec spec, ExecutionEnvironmentOptions options, RuntimeApiServer server, Process process)
    {
        _spec = spec;
        _options = options;
        _server = server;
        _process = process;
        _prefix = "[" + spec.FunctionName + "] ";
        _stderrTail = new OutputTail(StderrTailLines);
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => _exit.TrySetResult(_process.ExitCode);
    }

    /// <summary>The function process's id (for tests and diagnostics).</summary>
    public int ProcessId { get; private set; }

    /// <summary>False once the process has exited or the environment was given up (timeout, stop).</summary>
    public bool IsAlive => Volatile.Read(ref _dead) == 0 && !_exit.Task.IsCompleted;

    /// <summary>
    /// Spawns the function and waits for its init to end: ready (first <c>next</c>), or failed because it posted an
    /// init error, exited first, or exceeded <see cref="ExecutionEnvironmentOptions.InitTimeout"/>.
    /// A failed environment is already stopped.
    /// </summary>
    public static Task<EnvironmentStart> StartAsync(
        FunctionLaunchSpec spec, ExecutionEnvironmentOptions options, CancellationToken cancellationToken) =>
        StartAsync(spec, options, provisioned: false, cancellationToken);

    /// <summary>
    /// As <see cref="StartAsync(FunctionLaunchSpec, ExecutionEnvironmentOptions, CancellationToken)"/>; the process is told
    /// how Lambda initializes it (AWS_LAMBDA_INITIALIZATION_TYPE): <c>snap-start</c> for a SnapStart function (init,
    /// before-snapshot hooks, <c>restore/next</c>, then restored at once: the emulator cannot snapshot a process, so
    /// it plays the lifecycle without the speed-up), <c>provisioned-concurrency</c> when <paramref name="provisioned"/>,
    /// else <c>on-demand</c>.
    /// </summary>
    public static async Task<EnvironmentStart> StartAsync(
        FunctionLaunchSpec spec, ExecutionEnvironmentOptions options, bool provisioned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        var server = await RuntimeApiServer.StartAsync(spec.SnapStart, cancellationToken);
        ExecutionEnvironment environment;
        try
        {
            var logStream = LambdaIdentifiers.NewLogStreamName(options.TimeProvider.GetUtcNow());
            var initializationType = spec.SnapStart ? "snap-start" : provisioned ? "provisioned-concurrency" : "on-demand";
            var variables = FunctionProcessEnvironment.Build(
                spec, server.Endpoint, logStream, options.HostEnvironment, initializationType);
            environment = new ExecutionEnvironment(spec, options, server, CreateProcess(spec, variables));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        try
        {
            return await environment.InitializeAsync(cancellationToken);
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs one invocation: hands the event over with Lambda's invocation metadata and waits for the answer, the
    /// deadline (<see cref="PoolInvokeResult.Timeout"/>: the process tree is killed) or the process's death
    /// (<see cref="PoolInvokeResult.Crashed"/>). Never returns Throttled or InitFailed. Cancelling gives the
    /// environment up (its process is killed): Lambda has no way to take an event back from a function.
    /// </summary>
    public async Task<PoolInvokeResult> InvokeAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var now = time.GetUtcNow();
        var settings = new InvocationSettings(
            LambdaIdentifiers.NewRequestId(),
            now + _spec.Timeout,
            LambdaIdentifiers.FunctionArn(_spec),
            LambdaIdentifiers.NewTraceId(now));
        var started = time.GetTimestamp();
        Task<InvocationOutcome> invocation;
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            invocation = _server.InvokeAsync(payload, settings, stop.Token);
            var deadline = Task.Delay(_spec.Timeout, time, stop.Token);
            await Task.WhenAny(invocation, deadline, _exit.Task);
            // Abandons the invocation if it is still open, so a late answer gets Lambda's 400 InvalidRequestID.
            await stop.CancelAsync();
            await invocation.ContinueWith(static _ => { }, TaskScheduler.Default);
        }

        var duration = time.GetElapsedTime(started);
        if (invocation.IsCompletedSuccessfully)
        {
            return invocation.Result switch
            {
                InvocationOutcome.Succeeded succeeded =>
                    new PoolInvokeResult.Succeeded(succeeded.Response, false, null, duration) { InFunction = succeeded.InFunction },
                InvocationOutcome.FunctionError error => new PoolInvokeResult.FunctionError(error.ErrorType, error.Body),
                InvocationOutcome.ResponseTooLarge => new PoolInvokeResult.ResponseTooLarge(),
                _ => throw new InvalidOperationException("Unknown invocation outcome."),
            };
        }

        var exited = _exit.Task.IsCompleted;
        await GiveUpAsync();
        cancellationToken.ThrowIfCancellationRequested();
        if (exited)
        {
            await DrainAsync();
            var message = "Runtime exited with error: " + ExitStatus(_exit.Task.Result);
            Platform($"RequestId: {settings.RequestId} Error: {message}");
            return new PoolInvokeResult.Crashed(message);
        }

        if (invocation.IsFaulted)
        {
            return new PoolInvokeResult.Crashed("The execution environment was stopped.");
        }

        // Lambda's own log line for a timeout.
        Platform(string.Create(
            CultureInfo.InvariantCulture,
            $"{time.GetUtcNow():yyyy-MM-dd'T'HH:mm:ss.fff'Z'} {settings.RequestId} Task timed out after {_spec.Timeout.TotalSeconds:0.00} seconds"));
        return new PoolInvokeResult.Timeout(_spec.Timeout);
    }

    /// <summary>Shutdown: SIGTERM, kill after the grace period, then the Runtime API server goes too.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Volatile.Write(ref _dead, 1);
        if (_started && !_exit.Task.IsCompleted)
        {
            if (PosixSignals.TryTerminate(ProcessId))
            {
                await Task.WhenAny(_exit.Task, Task.Delay(_options.ShutdownGrace, _options.TimeProvider));
            }

            await KillTreeAsync();
        }

        await _server.DisposeAsync();
        await DrainAsync();
        _process.Dispose();
    }

    private static Process CreateProcess(FunctionLaunchSpec spec, Dictionary<string, string> variables)
    {
        var startInfo = new ProcessStartInfo(spec.Command)
        {
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            // A function has no stdin; redirecting it (and closing it) keeps it off the emulator's console.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach (var (name, value) in variables)
        {
            startInfo.Environment[name] = value;
        }

        return new Process { StartInfo = startInfo };
    }

    private static string ExitStatus(int exitCode) =>
        // .NET reports a process killed by signal N as 128 + N.
        exitCode > 128 && !OperatingSystem.IsWindows()
            ? $"signal {exitCode - 128} (exit code {exitCode})"
            : $"exit status {exitCode}";

    private async Task<EnvironmentStart> InitializeAsync(CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var spawned = time.GetTimestamp();
        try
        {
            _process.Start();
        }
        catch (Win32Exception exception)
        {
            return await FailAsync($"Could not start '{_spec.Command}' in {_spec.WorkingDirectory}: {exception.Message}", spawned);
        }

        _started = true;
        ProcessId = _process.Id;
        _process.StandardInput.Close();
        _pumps = Task.WhenAll(
            PumpAsync(_process.StandardOutput, isError: false, tail: null),
            PumpAsync(_process.StandardError, isError: true, tail: _stderrTail));

        Task<InitOutcome> init;
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            init = _server.WaitForInitAsync(stop.Token);
            var limit = Task.Delay(_options.InitTimeout, time, stop.Token);
            await Task.WhenAny(init, _exit.Task, limit);
            await stop.CancelAsync();
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (init.IsCompletedSuccessfully)
        {
            switch (init.Result)
            {
                case InitOutcome.Ready when _spec.SnapStart:
                    return await RestoreAsync(spawned, cancellationToken);
                case InitOutcome.Ready:
                    return new EnvironmentStart.Ready(this, time.GetElapsedTime(spawned));
                case InitOutcome.Failed failed:
                    // The runtime is expected to exit after reporting; give it the grace period to do so.
                    await Task.WhenAny(_exit.Task, Task.Delay(_options.ShutdownGrace, time, CancellationToken.None));
                    return await FailAsync($"{failed.ErrorType}: {failed.ErrorMessage}", spawned);
            }
        }

        if (_exit.Task.IsCompleted)
        {
            return await FailAsync("Runtime exited with error: " + ExitStatus(_exit.Task.Result), spawned);
        }

        return await FailAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Init did not complete within {_options.InitTimeout.TotalSeconds:0.##} s (Lambda's Init phase limit): the runtime never asked for its first event"),
            spawned);
    }

    /// <summary>
    /// SnapStart: the runtime is at the snapshot point (in <c>restore/next</c>); resume it and wait for its after-restore
    /// hooks, within Lambda's 10 s restore limit ("Lambda SnapStart runtime hooks for .NET": SnapStartTimeoutException).
    /// </summary>
    private async Task<EnvironmentStart> RestoreAsync(long spawned, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var initDuration = time.GetElapsedTime(spawned);
        var restoring = time.GetTimestamp();
        Task<InitOutcome> restore;
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            restore = _server.RestoreAsync(stop.Token);
            var limit = Task.Delay(RestoreLimit, time, stop.Token);
            await Task.WhenAny(restore, _exit.Task, limit);
            await stop.CancelAsync();
        }

        cancellationToken.ThrowIfCancellationRequested();
        var restoreDuration = time.GetElapsedTime(restoring);
        if (restore.IsCompletedSuccessfully)
        {
            switch (restore.Result)
            {
                case InitOutcome.Ready:
                    Platform(string.Create(
                        CultureInfo.InvariantCulture,
                        $"RESTORE_REPORT Restore Duration: {restoreDuration.TotalMilliseconds:0.00} ms (init before the snapshot: {initDuration.TotalMilliseconds:0.00} ms)"));
                    return new EnvironmentStart.Ready(this, time.GetElapsedTime(spawned)) { RestoreDuration = restoreDuration };
                case InitOutcome.Failed failed:
                    await Task.WhenAny(_exit.Task, Task.Delay(_options.ShutdownGrace, time, CancellationToken.None));
                    return await FailAsync($"restore: {failed.ErrorType}: {failed.ErrorMessage}", spawned);
            }
        }

        if (_exit.Task.IsCompleted)
        {
            return await FailAsync("Runtime exited during restore with error: " + ExitStatus(_exit.Task.Result), spawned);
        }

        return await FailAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Restore did not complete within {RestoreLimit.TotalSeconds:0.##} s (SnapStart's restore limit): the runtime never asked for its first event after restore/next answered"),
            spawned);
    }

    /// <summary>Stops everything, then describes the failure with what the process said last on stderr.</summary>
    private async Task<EnvironmentStart> FailAsync(string reason, long spawned)
    {
        var duration = _options.TimeProvider.GetElapsedTime(spawned);
        await DisposeAsync();
        Platform(string.Create(
            CultureInfo.InvariantCulture,
            $"INIT_REPORT Init Duration: {duration.TotalMilliseconds:0.00} ms Phase: init Status: error Error: {reason}"));
        var tail = _stderrTail.Snapshot();
        var message = new StringBuilder("Function ").Append(_spec.LogicalId).Append(" failed to initialize: ").Append(reason);
        if (tail.Count == 0)
        {
            message.Append(". Nothing was written to stderr.");
        }
        else
        {
            message.Append(". Last lines on stderr:");
            foreach (var line in tail)
            {
                message.Append('\n').Append("  ").Append(line);
            }
        }

        return new EnvironmentStart.Failed(message.ToString());
    }

    private async Task PumpAsync(StreamReader reader, bool isError, OutputTail? tail)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                tail?.Add(line);
                _options.LogSink.WriteLine(_prefix + line, isError);
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The pipe closed under us while the environment was being disposed: nothing more to forward.
        }
    }

    /// <summary>Lets the process's last lines reach the sink (and the stderr tail) before we report on it.</summary>
    private async Task DrainAsync()
    {
        try
        {
            await _pumps.WaitAsync(DrainLimit, _options.TimeProvider);
        }
        catch (TimeoutException)
        {
            // A grandchild holds the pipe open; disposing the process closes our end.
        }
    }

    /// <summary>Marks the environment dead and kills its process tree, as Lambda resets an environment.</summary>
    private Task GiveUpAsync()
    {
        Volatile.Write(ref _dead, 1);
        return KillTreeAsync();
    }

    private async Task KillTreeAsync()
    {
        if (!_started)
        {
            return;
        }

        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        // Exited is raised once the process is reaped: after this nobody sees its pid alive.
        try
        {
            await _exit.Task.WaitAsync(ReapLimit, _options.TimeProvider);
        }
        catch (TimeoutException)
        {
            // Unkillable (stuck in the kernel); nothing more we can do.
        }
    }

    private void Platform(string line) => _options.LogSink.WriteLine(_prefix + line, isError: true);
}
