using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Products.Emulator.Http;

namespace Products.Emulator.RuntimeApi;

/// <summary>
/// The Lambda side of the AWS Lambda Runtime API, 2018-06-01 ("Using the Lambda runtime API for custom runtimes" and
/// its OpenAPI document runtime-api.zip) for ONE execution environment. AWS_LAMBDA_RUNTIME_API is a bare host:port,
/// so every environment gets its own listener on 127.0.0.1. One invocation at a time, as in Lambda's default mode.
/// </summary>
public sealed class RuntimeApiServer : IAsyncDisposable
{
    private const string NextPath = RuntimeApiLimits.PathPrefix + "/runtime/invocation/next";
    private const string InvocationPathPrefix = RuntimeApiLimits.PathPrefix + "/runtime/invocation/";
    private const string ResponseSuffix = "/response";
    private const string ErrorSuffix = "/error";
    private const string InitErrorPath = RuntimeApiLimits.PathPrefix + "/runtime/init/error";
    private const string RequestIdItem = "requestId";
    private const string FunctionErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    private readonly Lock _lock = new();
    private readonly TaskCompletionSource<InitOutcome> _init = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Events waiting for the function's `next`. Holds at most the current invocation plus abandoned ones, which
    // `next` skips.
    private readonly Channel<PendingInvocation> _events = Channel.CreateUnbounded<PendingInvocation>();

    private LoopbackHttpServer? _server;
    private PendingInvocation? _current;
    private bool _disposed;

    private RuntimeApiServer()
    {
    }

    /// <summary>host:port for AWS_LAMBDA_RUNTIME_API.</summary>
    public string Endpoint { get; private set; } = string.Empty;

    /// <summary>Starts a listener on 127.0.0.1 with a free port.</summary>
    public static async Task<RuntimeApiServer> StartAsync(CancellationToken cancellationToken)
    {
        var server = new RuntimeApiServer();
        // Kestrel's body cap is off: Lambda's 6 MB limit is enforced here, with Lambda's 413 body.
        server._server = await LoopbackHttpServer.StartAsync(server.DispatchAsync, 0, null, null, cancellationToken);
        server.Endpoint = server._server.BaseAddress.Authority;
        return server;
    }

    /// <summary>
    /// Completes when the function first calls <c>next</c> (<see cref="InitOutcome.Ready"/>) or posts
    /// <c>/runtime/init/error</c> (<see cref="InitOutcome.Failed"/>). A process that dies first is the caller's to notice.
    /// </summary>
    public Task<InitOutcome> WaitForInitAsync(CancellationToken cancellationToken) =>
        _init.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// Hands <paramref name="payload"/> to the function's pending or next <c>next</c> call and waits for its answer.
    /// Cancelling is how the caller enforces the function's timeout: the invocation is then abandoned, and a late
    /// answer for it gets 400 InvalidRequestID, as Lambda answers one for an invocation that is over.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another invocation is in progress, or init failed.</exception>
    public async Task<InvocationOutcome> InvokeAsync(
        ReadOnlyMemory<byte> payload, InvocationSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(settings.RequestId);
        var invocation = new PendingInvocation(payload, settings);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_init.Task is { IsCompletedSuccessfully: true, Result: InitOutcome.Failed })
            {
                throw new InvalidOperationException("The function failed to initialize; start a new environment.");
            }

            if (_current is not null)
            {
                throw new InvalidOperationException(
                    $"Invocation {_current.Settings.RequestId} is still in progress: an environment runs one at a time.");
            }

            _current = invocation;
            _events.Writer.TryWrite(invocation);
        }

        try
        {
            return await invocation.Outcome.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            lock (_lock)
            {
                invocation.Closed = true;
                if (_current == invocation)
                {
                    _current = null;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        PendingInvocation? current;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            current = _current;
        }

        // Waiting `next` calls get 500 ("container error, runtime should exit promptly"); callers get an exception.
        _events.Writer.TryComplete();
        current?.Outcome.TrySetException(new ObjectDisposedException(nameof(RuntimeApiServer)));
        _init.TrySetException(new ObjectDisposedException(nameof(RuntimeApiServer)));
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    // The four routes of the Runtime API; anything else is 404, as an unknown path is on Lambda's endpoint.
    private Task DispatchAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) && path == NextPath)
        {
            return NextAsync(context);
        }

        if (HttpMethods.IsPost(method) && path == InitErrorPath)
        {
            return InitErrorAsync(context);
        }

        if (HttpMethods.IsPost(method) && path.StartsWith(InvocationPathPrefix, StringComparison.Ordinal))
        {
            if (TryRequestId(path, ResponseSuffix, out var responseFor))
            {
                context.Items[RequestIdItem] = responseFor;
                return ResponseAsync(context);
            }

            if (TryRequestId(path, ErrorSuffix, out var errorFor))
            {
                context.Items[RequestIdItem] = errorFor;
                return ErrorAsync(context);
            }
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static bool TryRequestId(string path, string suffix, out string requestId)
    {
        requestId = string.Empty;
        if (!path.EndsWith(suffix, StringComparison.Ordinal) || path.Length <= InvocationPathPrefix.Length + suffix.Length)
        {
            return false;
        }

        requestId = path[InvocationPathPrefix.Length..^suffix.Length];
        // One path segment, as the {requestId} route parameter of the spec.
        return !requestId.Contains('/', StringComparison.Ordinal);
    }

    private async Task NextAsync(HttpContext context)
    {
        bool initFailed;
        lock (_lock)
        {
            initFailed = _init.Task is { IsCompletedSuccessfully: true, Result: InitOutcome.Failed };
            _init.TrySetResult(new InitOutcome.Ready(TimeProvider.System.GetUtcNow()));
        }

        if (initFailed)
        {
            await RuntimeApiReplies.ErrorAsync(
                context,
                StatusCodes.Status403Forbidden,
                RuntimeApiReplies.InvalidStateTransition,
                "The runtime reported an init error; it must exit, not ask for events.");
            return;
        }

        while (true)
        {
            PendingInvocation invocation;
            try
            {
                invocation = await _events.Reader.ReadAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // The function went away while waiting.
            }
            catch (ChannelClosedException)
            {
                await RuntimeApiReplies.ErrorAsync(
                    context,
                    StatusCodes.Status500InternalServerError,
                    RuntimeApiReplies.ServiceUnavailable,
                    "The execution environment is shutting down.");
                return;
            }

            lock (_lock)
            {
                if (invocation.Closed || invocation != _current)
                {
                    continue; // Timed out before the function asked for it.
                }

                if (context.RequestAborted.IsCancellationRequested)
                {
                    _events.Writer.TryWrite(invocation); // Keep it for the function's next `next`.
                    return;
                }

                invocation.Delivered = true;
                invocation.DeliveredAt = Stopwatch.GetTimestamp();
            }

            await WriteEventAsync(context, invocation);
            return;
        }
    }

    private static Task WriteEventAsync(HttpContext context, PendingInvocation invocation)
    {
        var settings = invocation.Settings;
        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = settings.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] =
            settings.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = settings.InvokedFunctionArn;
        AddIfPresent(headers, "Lambda-Runtime-Trace-Id", settings.TraceId);
        AddIfPresent(headers, "Lambda-Runtime-Client-Context", settings.ClientContext);
        AddIfPresent(headers, "Lambda-Runtime-Cognito-Identity", settings.CognitoIdentity);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = invocation.Payload.Length;
        return context.Response.Body.WriteAsync(invocation.Payload, context.RequestAborted).AsTask();
    }

    private static void AddIfPresent(IHeaderDictionary headers, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            headers[name] = value;
        }
    }

    private async Task ResponseAsync(HttpContext context)
    {
        var answered = Stopwatch.GetTimestamp();
        if (await ReadAnswerAsync(context) is { } answer)
        {
            // Real time, not the injected TimeProvider: a measurement for the benchmark, never a decision.
            var inFunction = Stopwatch.GetElapsedTime(answer.Invocation.DeliveredAt, answered);
            await AcceptAsync(
                context, answer.Invocation, new InvocationOutcome.Succeeded(answer.Body) { InFunction = inFunction });
        }
    }

    private async Task ErrorAsync(HttpContext context)
    {
        if (await ReadAnswerAsync(context) is not { } answer)
        {
            return;
        }

        var (invocation, body) = answer;
        var error = ReadError(context, body);
        // Lambda forwards the runtime's error document as is, and builds one from the header when there is none.
        var document = Encoding.UTF8.GetString(
            body.Length > 0 ? body : RuntimeApiReplies.ErrorDocument(error.Type, error.Message));
        await AcceptAsync(context, invocation, new InvocationOutcome.FunctionError(error.Type, document));
    }

    /// <summary>
    /// Reads a /response or /error body and claims the invocation it answers; replies itself and returns null when the
    /// request id is unknown or the body is over Lambda's limit.
    /// </summary>
    private async Task<(PendingInvocation Invocation, byte[] Body)?> ReadAnswerAsync(HttpContext context)
    {
        var body = await BoundedBody.ReadAsync(
            context.Request.Body, RuntimeApiLimits.MaxResponseBytes, context.RequestAborted);
        var invocation = TakeAnswerable(context);
        if (invocation is null)
        {
            await RuntimeApiReplies.InvalidRequestIdAsync(context);
            return null;
        }

        if (body is null)
        {
            await TooLargeAsync(context, invocation);
            return null;
        }

        return (invocation, body);
    }

    private async Task InitErrorAsync(HttpContext context)
    {
        var body = await BoundedBody.ReadAsync(
            context.Request.Body, RuntimeApiLimits.MaxResponseBytes, context.RequestAborted) ?? [];
        var error = ReadError(context, body);
        bool accepted;
        lock (_lock)
        {
            // Only legal during init: once the function has asked for an event, init is over.
            accepted = _init.TrySetResult(new InitOutcome.Failed(error.Type, error.Message));
        }

        if (accepted)
        {
            await RuntimeApiReplies.AcceptedAsync(context);
        }
        else
        {
            await RuntimeApiReplies.ErrorAsync(
                context,
                StatusCodes.Status403Forbidden,
                RuntimeApiReplies.InvalidStateTransition,
                "Init errors are only accepted before the first call to next.");
        }
    }

    /// <summary>The invocation an answer to the route's request id may close, closed now; null if none.</summary>
    private PendingInvocation? TakeAnswerable(HttpContext context)
    {
        var requestId = context.Items[RequestIdItem] as string;
        lock (_lock)
        {
            var invocation = _current;
            if (invocation is null || invocation.Closed || !invocation.Delivered
                || !string.Equals(invocation.Settings.RequestId, requestId, StringComparison.Ordinal))
            {
                return null;
            }

            invocation.Closed = true;
            return invocation;
        }
    }

    private static async Task TooLargeAsync(HttpContext context, PendingInvocation invocation)
    {
        try
        {
            await RuntimeApiReplies.ErrorAsync(
                context,
                StatusCodes.Status413PayloadTooLarge,
                RuntimeApiReplies.RequestEntityTooLarge,
                $"Exceeded maximum allowed payload size ({RuntimeApiLimits.MaxResponseBytes} bytes).");
        }
        finally
        {
            invocation.Outcome.TrySetResult(new InvocationOutcome.ResponseTooLarge());
        }
    }

    private static async Task AcceptAsync(HttpContext context, PendingInvocation invocation, InvocationOutcome outcome)
    {
        try
        {
            await RuntimeApiReplies.AcceptedAsync(context);
        }
        finally
        {
            // After the 202 is written, so the function is not cut off if the caller disposes us right away.
            invocation.Outcome.TrySetResult(outcome);
        }
    }

    /// <summary>Error type from the header (what Lambda uses), else from the body; message from the body.</summary>
    private static (string Type, string Message) ReadError(HttpContext context, byte[] body)
    {
        string? bodyType = null;
        string? bodyMessage = null;
        try
        {
            if (body.Length > 0)
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    bodyType = StringProperty(document.RootElement, "errorType");
                    bodyMessage = StringProperty(document.RootElement, "errorMessage");
                }
            }
        }
        catch (JsonException)
        {
            // Not the standard error format; the header still names the error.
        }

        var header = context.Request.Headers[FunctionErrorTypeHeader].ToString();
        var type = header.Length > 0 ? header : bodyType ?? RuntimeApiLimits.UnknownErrorType;
        return (type, bodyMessage ?? string.Empty);
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
