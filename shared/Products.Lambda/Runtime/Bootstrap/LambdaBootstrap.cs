using Products.Lambda.Environment;

namespace Products.Lambda.Runtime;

/// <summary>
/// The runtime loop of an executable-assembly Lambda function, following the AWS Lambda Runtime API, 2018-06-01
/// ("Using the Lambda runtime API for custom runtimes"): initialize once, then next → handler → response or error,
/// until stopped or until the Runtime API fails. For SnapStart (AWS_LAMBDA_INITIALIZATION_TYPE=snap-start) it plays
/// the lifecycle of "Implementing SnapStart hooks for container images" between init and the first <c>next</c>:
/// before-snapshot hooks → <c>restore/next</c> → after-restore hooks.
/// </summary>
public sealed class LambdaBootstrap(LambdaBootstrapOptions options)
{
    private readonly LambdaBootstrapOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>
    /// Runs the function. <paramref name="initialize"/> builds the handler (clients, settings) once; if it throws, the
    /// error is posted to <c>/runtime/init/error</c> and the process should exit: Lambda never gets a half-working
    /// loop. Returns a <see cref="LambdaExitCodes"/> value for <c>Main</c> to return.
    /// </summary>
    public async Task<int> RunAsync(
        Func<CancellationToken, Task<InvocationHandler>> initialize, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(initialize);
        if (Misconfiguration() is { } problem)
        {
            Log($"Cannot start the Lambda runtime: {problem}");
            return LambdaExitCodes.Misconfigured;
        }

        using var client = new RuntimeApiClient(_options.RuntimeApi!, _options.HttpHandler);
        InvocationHandler handler;
        try
        {
            handler = await initialize(stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return LambdaExitCodes.Stopped;
        }
        catch (Exception exception)
        {
            // Any init failure is fatal by design; report it the way Lambda expects, then exit.
            Log($"Initialization failed: {exception}");
            await TryReportInitErrorAsync(client, LambdaError.FromException(exception), stop);
            return LambdaExitCodes.Failed;
        }

        if (string.Equals(_options.InitializationType, InitializationTypes.SnapStart, StringComparison.Ordinal)
            && await SnapshotAndRestoreAsync(client, stop) is { } exit)
        {
            return exit;
        }

        return await LoopAsync(client, handler, stop);
    }

    /// <summary>
    /// Before-snapshot hooks (a failure is an init error: the snapshot is not taken), then <c>restore/next</c>, which
    /// returns in the restored environment, then after-restore hooks (a failure goes to <c>restore/error</c>).
    /// Returns an exit code when the process must stop, null when invocations may follow.
    /// </summary>
    private async Task<int?> SnapshotAndRestoreAsync(RuntimeApiClient client, CancellationToken stop)
    {
        var hooks = _options.SnapshotHooks;
        try
        {
            await hooks.RunBeforeSnapshotAsync();
        }
        catch (Exception exception)
        {
            Log($"A before-snapshot hook failed: {exception}");
            await TryReportAsync(
                () => client.SendInitErrorAsync(LambdaError.FromException(exception), SnapStartErrorTypes.BeforeSnapshot, stop),
                "before-snapshot");
            return LambdaExitCodes.Failed;
        }

        try
        {
            await client.RestoreNextAsync(stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return LambdaExitCodes.Stopped;
        }
        catch (Exception exception) when (exception is RuntimeApiException or HttpRequestException)
        {
            Log($"Runtime API failed on restore/next, exiting: {exception.Message}");
            return LambdaExitCodes.Failed;
        }

        try
        {
            await hooks.RunAfterRestoreAsync();
        }
        catch (Exception exception)
        {
            Log($"An after-restore hook failed: {exception}");
            await TryReportAsync(
                () => client.SendRestoreErrorAsync(LambdaError.FromException(exception), SnapStartErrorTypes.AfterRestore, stop),
                "after-restore");
            return LambdaExitCodes.Failed;
        }

        return null;
    }

    private async Task<int> LoopAsync(RuntimeApiClient client, InvocationHandler handler, CancellationToken stop)
    {
        var isColdStart = true;
        while (true)
        {
            InvocationRequest request;
            try
            {
                request = await client.GetNextInvocationAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return LambdaExitCodes.Stopped;
            }
            catch (Exception exception) when (exception is RuntimeApiException or HttpRequestException)
            {
                // The spec: a failing `next` means a container error; the runtime should exit promptly.
                Log($"Runtime API failed on next, exiting: {exception.Message}");
                return LambdaExitCodes.Failed;
            }

            // The spec asks the runtime to expose the tracing header as _X_AMZN_TRACE_ID for X-Ray SDKs; null (no
            // header) clears the previous invocation's value.
            System.Environment.SetEnvironmentVariable(EnvironmentVariableNames.TraceId, request.TraceId);

            var result = await InvokeAsync(handler, request, isColdStart, stop);
            isColdStart = false;

            try
            {
                if (result.Error is null)
                {
                    await client.SendResponseAsync(request.RequestId, result.Response, stop);
                }
                else
                {
                    await client.SendErrorAsync(request.RequestId, result.Error, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return LambdaExitCodes.Stopped;
            }
            catch (RuntimeApiException exception) when (exception.IsClientError)
            {
                // 413 (response over Lambda's payload limit) or 400 (invocation already timed out): this answer is
                // lost, but the API still works, so the next invocation can succeed.
                Log($"Runtime API refused the answer to {request.RequestId}: {exception.Message}");
            }
            catch (Exception exception) when (exception is RuntimeApiException or HttpRequestException)
            {
                Log($"Runtime API failed while answering {request.RequestId}, exiting: {exception.Message}");
                return LambdaExitCodes.Failed;
            }
        }
    }

    private async Task<HandlerResult> InvokeAsync(
        InvocationHandler handler, InvocationRequest request, bool isColdStart, CancellationToken stop)
    {
        var untilDeadline = request.Deadline - _options.DeadlineSafetyMargin - _options.Time.GetUtcNow();
        using var deadline = new CancellationTokenSource(
            untilDeadline > TimeSpan.Zero ? untilDeadline : TimeSpan.Zero, _options.Time);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, stop);
        var context = new LambdaContext(request, _options.Function, _options.Time, isColdStart, cancellation.Token);
        try
        {
            return new HandlerResult(await handler(request, context), null);
        }
        catch (Exception exception)
        {
            // Handler exceptions are bugs or unplanned failures: log them in full for the function's logs and report
            // them on the Lambda-level error channel, which API Gateway turns into a bare 5xx for HTTP clients.
            Log($"Invocation {request.RequestId} failed: {exception}");
            return new HandlerResult(ReadOnlyMemory<byte>.Empty, LambdaError.FromException(exception));
        }
    }

    private Task TryReportInitErrorAsync(RuntimeApiClient client, LambdaError error, CancellationToken stop) =>
        TryReportAsync(() => client.SendInitErrorAsync(error, stop), "initialization");

    private async Task TryReportAsync(Func<Task> report, string what)
    {
        try
        {
            await report();
        }
        catch (Exception exception) when (exception is RuntimeApiException or HttpRequestException
                                              or OperationCanceledException)
        {
            // The process exits with a failure code either way; Lambda notices that too.
            Log($"Could not report the {what} error: {exception.Message}");
        }
    }

    private string? Misconfiguration()
    {
        var api = _options.RuntimeApi;
        if (string.IsNullOrEmpty(api))
        {
            return $"{EnvironmentVariableNames.RuntimeApi} is not set. This program is an AWS Lambda function: run it "
                + "in Lambda or in the local emulator, which set it.";
        }

        if (api.Contains('/', StringComparison.Ordinal)
            || !Uri.TryCreate($"http://{api}/", UriKind.Absolute, out _))
        {
            return $"{EnvironmentVariableNames.RuntimeApi} must be host:port, got '{api}'.";
        }

        return string.IsNullOrEmpty(_options.Function.FunctionName)
            ? $"{EnvironmentVariableNames.FunctionName} is not set."
            : null;
    }

    private void Log(string message) => _options.ErrorOutput.WriteLine(message);
}
