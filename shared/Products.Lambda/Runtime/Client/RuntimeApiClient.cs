using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Products.Lambda.Runtime;

/// <summary>
/// HTTP client for the AWS Lambda Runtime API, 2018-06-01 ("Using the Lambda runtime API for custom runtimes" and the
/// OpenAPI document runtime-api.zip). Paths are relative to <c>http://{AWS_LAMBDA_RUNTIME_API}/2018-06-01/</c>.
/// </summary>
internal sealed class RuntimeApiClient : IRuntimeApiClient, IDisposable
{
    private static readonly MediaTypeHeaderValue ErrorMediaType = new(RuntimeApiHeaders.ErrorContentType);

    private readonly HttpClient _http;

    /// <param name="runtimeApi">host:port, as in AWS_LAMBDA_RUNTIME_API.</param>
    /// <param name="handler">Transport for tests; null uses a socket handler owned by this client.</param>
    public RuntimeApiClient(string runtimeApi, HttpMessageHandler? handler)
    {
        var ownsHandler = handler is null;
        handler ??= new SocketsHttpHandler
        {
            // The API is on the sandbox's loopback: an HTTP(S)_PROXY meant for the function's own calls must not
            // capture it.
            UseProxy = false,
        };
        _http = new HttpClient(handler, ownsHandler)
        {
            BaseAddress = new Uri($"http://{runtimeApi}/{RuntimeApiHeaders.ApiVersion}/"),
            // No client timeout, on `next` above all: the spec says not to set one, because Lambda freezes the sandbox
            // between invocations and the call legitimately stays open for as long as the function sits idle.
            // Cancellation comes only from the caller's token.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<InvocationRequest> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("runtime/invocation/next", cancellationToken);
        await EnsureSuccessAsync(response, "next", cancellationToken);

        var headers = response.Headers;
        var requestId = Header(headers, RuntimeApiHeaders.RequestId)
            ?? throw Malformed(response, $"{RuntimeApiHeaders.RequestId} is missing");
        var deadlineText = Header(headers, RuntimeApiHeaders.DeadlineMs);
        if (!long.TryParse(deadlineText, NumberStyles.None, CultureInfo.InvariantCulture, out var deadlineMs))
        {
            throw Malformed(response, $"{RuntimeApiHeaders.DeadlineMs} is missing or not Unix milliseconds");
        }

        var arn = Header(headers, RuntimeApiHeaders.InvokedFunctionArn)
            ?? throw Malformed(response, $"{RuntimeApiHeaders.InvokedFunctionArn} is missing");
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken);

        return new InvocationRequest(
            requestId,
            DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs),
            arn,
            Header(headers, RuntimeApiHeaders.TraceId),
            Header(headers, RuntimeApiHeaders.ClientContext),
            Header(headers, RuntimeApiHeaders.CognitoIdentity),
            payload);
    }

    public async Task SendResponseAsync(
        string requestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        // The payload is opaque to the API ("*/*" in the spec): send the handler's bytes untouched.
        using var content = new ReadOnlyMemoryContent(response);
        using var answer = await _http.PostAsync(InvocationPath(requestId, "response"), content, cancellationToken);
        await EnsureSuccessAsync(answer, "response", cancellationToken);
    }

    public Task SendErrorAsync(string requestId, LambdaError lambdaError, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        return PostErrorAsync(InvocationPath(requestId, "error"), lambdaError, null, "error", cancellationToken);
    }

    public Task SendInitErrorAsync(LambdaError lambdaError, CancellationToken cancellationToken) =>
        SendInitErrorAsync(lambdaError, null, cancellationToken);

    /// <summary><c>POST /runtime/init/error</c>; <paramref name="errorTypeHeader"/> (default: the error's type) as the error-type header.</summary>
    public Task SendInitErrorAsync(LambdaError lambdaError, string? errorTypeHeader, CancellationToken cancellationToken) =>
        PostErrorAsync("runtime/init/error", lambdaError, errorTypeHeader, "init/error", cancellationToken);

    public async Task RestoreNextAsync(CancellationToken cancellationToken)
    {
        // Like `next`, no timeout: the call stays open across the snapshot for as long as the environment is frozen.
        using var response = await _http.GetAsync("runtime/restore/next", cancellationToken);
        await EnsureSuccessAsync(response, "restore/next", cancellationToken);
    }

    public Task SendRestoreErrorAsync(LambdaError lambdaError, CancellationToken cancellationToken) =>
        SendRestoreErrorAsync(lambdaError, null, cancellationToken);

    /// <summary><c>POST /runtime/restore/error</c>; <paramref name="errorTypeHeader"/> (default: the error's type) as the error-type header.</summary>
    public Task SendRestoreErrorAsync(LambdaError lambdaError, string? errorTypeHeader, CancellationToken cancellationToken) =>
        PostErrorAsync("runtime/restore/error", lambdaError, errorTypeHeader, "restore/error", cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task PostErrorAsync(
        string path, LambdaError error, string? errorTypeHeader, string call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        var body = JsonSerializer.SerializeToUtf8Bytes(error, RuntimeApiJsonContext.Default.LambdaError);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = ErrorMediaType;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        // Lambda falls back on this header when it cannot read the body; like the AWS .NET runtime, send the error
        // type. Without validation: an exception type name is not a registered header value.
        request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, errorTypeHeader ?? error.ErrorType);
        using var answer = await _http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(answer, call, cancellationToken);
    }

    private static string InvocationPath(string requestId, string leaf) =>
        $"runtime/invocation/{Uri.EscapeDataString(requestId)}/{leaf}";

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && values.FirstOrDefault() is { Length: > 0 } value ? value : null;

    private static RuntimeApiException Malformed(HttpResponseMessage response, string problem) =>
        new($"Runtime API answered next with a malformed event: {problem}.", (int)response.StatusCode, null);

    private static async Task EnsureSuccessAsync(
        HttpResponseMessage response, string call, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        RuntimeApiErrorResponse? error = null;
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            error = body.Length == 0
                ? null
                : JsonSerializer.Deserialize(body, RuntimeApiJsonContext.Default.RuntimeApiErrorResponse);
        }
        catch (JsonException)
        {
            // The status alone still says what happened; a body we cannot read adds nothing.
        }

        var detail = error is null ? string.Empty : $": {error.ErrorType}: {error.ErrorMessage}";
        throw new RuntimeApiException($"Runtime API answered {call} with {status}{detail}", status, error?.ErrorType);
    }
}
