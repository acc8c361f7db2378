using Products.Lambda.ApiGateway;
using Products.Lambda.Diagnostics;
using Products.Lambda.Http;
using Products.Lambda.Logging;
using Products.Lambda.Runtime;

namespace Products.Lambda.Hosting;

/// <summary>
/// Adapts an <see cref="ApiHandler"/> to the Runtime API: parses the API Gateway event, sets the log context, refuses
/// methods the function does not serve, turns defects into a 500 and a deadline into a 503, and writes the response
/// in the payload format of the incoming event. Every function goes through this one path.
/// </summary>
internal sealed class ApiGatewayInvocationHandler(
    ApiHandler handler,
    IReadOnlyList<string> allowedMethods,
    ApiResultRenderer renderer,
    FunctionServices services)
{
    // A deadline hit inside the handler means DynamoDB (or SSM) did not answer in time: retrying soon is reasonable.
    private static readonly TimeSpan DeadlineRetryAfter = TimeSpan.FromSeconds(1);

    public async Task<ReadOnlyMemory<byte>> HandleAsync(InvocationRequest invocation, LambdaContext context)
    {
        var logger = services.Logger;
        if (!ApiGatewayEvent.TryParse(invocation.Payload.Span, out var request, out var problem))
        {
            // Not an API Gateway proxy event: there is no response format to answer in, so this is a function error
            // (API Gateway turns it into a 5xx). The problem text never repeats the event's content.
            logger.Error("The event is not an API Gateway proxy event", LogField.Of("problem", problem));
            throw new InvalidEventException(problem ?? "unrecognised event");
        }

        logger.BeginInvocation(new InvocationLogContext(
            context.IsColdStart,
            context.FunctionName,
            context.FunctionVersion,
            context.MemoryLimitInMb,
            context.InvokedFunctionArn,
            context.RequestId,
            InvocationLogContext.ParseXrayTraceId(context.TraceId),
            request.RequestId));
        try
        {
            if (context.IsColdStart)
            {
                services.Metrics.CaptureColdStart(context.FunctionName);
            }

            logger.LogEvent(invocation.Payload.Span);
            StartupTimeline.Mark("event.parsed");
            var result = await HandleAsync(request, context);
            StartupTimeline.Mark("result.ready");
            var response = renderer.Render(result, request);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.Debug("Request handled", LogField.Of("route", request.RouteKey), LogField.Of("status", response.StatusCode));
            }

            return ApiGatewayResponseWriter.Write(response, request.Format);
        }
        finally
        {
            services.Metrics.Flush();
            logger.EndInvocation();
        }
    }

    private async Task<ApiResult> HandleAsync(ApiRequest request, LambdaContext context)
    {
        if (!allowedMethods.Contains(request.Method, StringComparer.Ordinal))
        {
            return new ApiResult.MethodNotAllowed(allowedMethods);
        }

        try
        {
            return await handler(request, context);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            services.Logger.Warn("The invocation deadline was reached before the handler finished", LogField.Of("route", request.RouteKey));
            return new ApiResult.Unavailable(DeadlineRetryAfter);
        }
#pragma warning disable CA1031 // The one place defects become a 500: the client gets no exception text, the log gets all.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            services.Logger.Error("Unhandled exception", exception, LogField.Of("route", request.RouteKey));
            return new ApiResult.InternalError();
        }
    }
}
