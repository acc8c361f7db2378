using Products.Emulator.Auth;
using Products.Emulator.Lambda;
using Microsoft.AspNetCore.Http;

namespace Products.Emulator.Gateway;

/// <summary>
/// The local HTTP API as a request delegate. Per request: answer CORS preflights; serve the emulator's own pages
/// under <c>/_local/</c> (without CORS headers); refuse a body over the payload quota (413, by Content-Length before routing, else while
/// reading); pick the route (404 when none); run the route's JWT authorizer (401/403); build the event; invoke the
/// function, giving up after the integration timeout (503); map the result (502 for failures and
/// malformed responses, 429 when throttled); replace CORS headers; write the response with <c>apigw-requestid</c>;
/// write one access log line. Exceptions inside the gateway become 500 with the AWS body, never their text.
/// </summary>
internal sealed class GatewayMiddleware
{
    private readonly RouteTable _routes;
    private readonly IFunctionInvoker _invoker;
    private readonly GatewayOptions _options;
    private readonly CorsHandler? _cors;

    public GatewayMiddleware(RouteTable routes, IFunctionInvoker invoker, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(options);
        if (options.IntegrationTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("The integration timeout must be positive.", nameof(options));
        }

        _routes = routes;
        _invoker = invoker;
        _options = options;
        _cors = options.Cors is null ? null : new CorsHandler(options.Cors);
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var time = _options.TimeProvider;
        var started = time.GetTimestamp();
        var arrived = time.GetUtcNow();
        var requestId = RequestIds.NewRequestId();
        var aborted = context.RequestAborted;
        var head = ApiRequest.FromHttpContext(context, ReadOnlyMemory<byte>.Empty);
        var path = head.RawPath;
        var preflight = _cors is not null && CorsHandler.IsPreflight(head);

        GatewayResponse response;
        InvocationNote note;
        try
        {
            (response, note) = preflight
                ? (_cors!.Preflight(head.Header("origin")), InvocationNote.None)
                : await HandleAsync(context, head, requestId, arrived, aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            Log(context, path, 499, started, InvocationNote.Failed(null, "ClientClosedRequest"), requestId);
            return;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _options.DiagnosticLog($"gateway: {exception.GetType().Name} while handling {context.Request.Method} {path} (rid={requestId}): {exception.Message}");
            (response, note) = (GatewayErrors.InternalServerError(), InvocationNote.Failed(null, "GatewayFault"));
        }

        // The emulator's own pages are for this origin only: no CORS headers, so no other site's script can read a
        // token from the local issuer's token endpoint.
        if (_cors is not null && !preflight && !LocalPages.IsReserved(path))
        {
            response = _cors.Apply(response, head.Header("origin"));
        }

        try
        {
            await GatewayResponseWriter.WriteAsync(context, response, requestId, aborted).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception) when (!context.Response.HasStarted)
        {
            // Kestrel refuses header values it cannot send (control characters): the function's response is malformed.
            _options.DiagnosticLog($"gateway: response not writable for {context.Request.Method} {path} (rid={requestId}): {exception.Message}");
            context.Response.Clear();
            response = GatewayErrors.BadGateway();
            if (_cors is not null)
            {
                response = _cors.Apply(response, head.Header("origin"));
            }

            note = note with { Error = "MalformedResponse" };
            await GatewayResponseWriter.WriteAsync(context, response, requestId, aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            note = note with { Error = "ClientClosedRequest" };
        }

        Log(context, path, response.StatusCode, started, note, requestId);
    }

    private async Task<(GatewayResponse Response, InvocationNote Note)> HandleAsync(
        HttpContext context, ApiRequest head, string requestId, DateTimeOffset arrived, CancellationToken aborted)
    {
        var request = context.Request;
        if (request.ContentLength > GatewayLimits.MaxPayloadBytes)
        {
            return (GatewayErrors.RequestTooLarge(), InvocationNote.None);
        }

        if (LocalPages.IsReserved(head.RawPath))
        {
            var page = await LocalPages.AnswerAsync(context, head.RawPath, _options.LocalIssuer, _options.ApiReference, aborted).ConfigureAwait(false);
            return (page, InvocationNote.None);
        }

        var match = _routes.Match(head.Method, head.RawPath);
        if (match is null)
        {
            return (GatewayErrors.NotFound(), InvocationNote.None);
        }

        var function = match.Route.FunctionLogicalId;
        AuthorizationResult.Allowed? authorized = null;
        TimeSpan? authorizerTook = null;
        if (match.Route.Authorizer is { } guard)
        {
            // Before the body is read and long before the function: a refused request costs no invocation.
            var identity = head.Header(guard.Authorizer.Settings.IdentityHeader);
            var authorizing = _options.TimeProvider.GetTimestamp();
            var decision = await guard.Authorizer.AuthorizeAsync(identity, guard.Scopes, aborted).ConfigureAwait(false);
            authorizerTook = _options.TimeProvider.GetElapsedTime(authorizing);
            switch (decision)
            {
                case AuthorizationResult.Allowed allowed:
                    authorized = allowed;
                    break;
                case AuthorizationResult.Forbidden forbidden:
                    return (GatewayErrors.Forbidden(), InvocationNote.Failed(function, "Forbidden:" + forbidden.Reason) with { AuthorizerDuration = authorizerTook });
                case AuthorizationResult.Unauthorized unauthorized:
                    return (GatewayErrors.Unauthorized(), InvocationNote.Failed(function, "Unauthorized:" + unauthorized.Reason) with { AuthorizerDuration = authorizerTook });
            }
        }

        var body = await ReadBodyAsync(request, GatewayLimits.MaxPayloadBytes, aborted).ConfigureAwait(false);
        if (body is null)
        {
            return (GatewayErrors.RequestTooLarge(), InvocationNote.None);
        }

        var apiRequest = head with { Body = body };
        var eventContext = new ApiEventContext(
            _options.Stage,
            requestId,
            arrived,
            _options.ApiId,
            LambdaIdentifiers.AccountId,
            request.Host.Host is { Length: > 0 } host ? host : "localhost",
            RequestIds.NewTraceId(arrived))
        {
            Authorizer = authorized,
        };
        var eventJson = ApiEventBuilder.Build(apiRequest, match, eventContext);

        InvokeResult result;
        using (var timeout = new CancellationTokenSource(_options.IntegrationTimeout, _options.TimeProvider))
        {
            try
            {
                // The invocation is bounded by the integration timeout only: like Lambda behind API Gateway, it keeps
                // running when the client goes away; the gateway just stops waiting for it.
                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, aborted);
                result = await _invoker.InvokeAsync(function, eventJson, timeout.Token).WaitAsync(waiting.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !aborted.IsCancellationRequested)
            {
                return (GatewayErrors.ServiceUnavailable(), InvocationNote.Failed(function, "IntegrationTimeout"));
            }
        }

        var (answer, outcome) = result switch
        {
            InvokeResult.Success success => ApiResponseMapper.TryMap(success.Payload, match.Route.Format, out var mapped)
                ? (mapped, new InvocationNote(function, success.ColdStart, success.InitDuration, null))
                : (GatewayErrors.BadGateway(), new InvocationNote(function, success.ColdStart, success.InitDuration, "MalformedResponse")),
            InvokeResult.FunctionError => (GatewayErrors.BadGateway(), InvocationNote.Failed(function, "FunctionError")),
            InvokeResult.Timeout => (GatewayErrors.BadGateway(), InvocationNote.Failed(function, "FunctionTimeout")),
            InvokeResult.Throttled => (GatewayErrors.TooManyRequests(), InvocationNote.Failed(function, "Throttled")),
            InvokeResult.ResponseTooLarge => (GatewayErrors.BadGateway(), InvocationNote.Failed(function, "ResponseTooLarge")),
            InvokeResult.Crashed => (GatewayErrors.BadGateway(), InvocationNote.Failed(function, "Crashed")),
            _ => throw new InvalidOperationException($"Unknown invocation result {result.GetType().Name}."),
        };
        return (answer, outcome with { AuthorizerDuration = authorizerTook });
    }

    /// <summary>Reads the body, or returns null as soon as it exceeds <paramref name="limit"/> (chunked bodies have no Content-Length to check).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0)
        {
            return [];
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private void Log(HttpContext context, string path, int status, long started, InvocationNote note, string requestId)
    {
        var latency = _options.TimeProvider.GetElapsedTime(started);
        _options.AccessLog(new AccessLogEntry(context.Request.Method, path, status, latency, note, requestId).Format());
    }
}
