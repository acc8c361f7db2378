using Microsoft.AspNetCore.Http;

namespace Products.Emulator.Gateway;

/// <summary>Writes a <see cref="GatewayResponse"/> to Kestrel, adding the <c>apigw-requestid</c> header every HTTP API response carries.</summary>
internal static class GatewayResponseWriter
{
    public const string RequestIdHeader = "apigw-requestid";

    public static async Task WriteAsync(HttpContext context, GatewayResponse response, string requestId, CancellationToken cancellationToken)
    {
        var http = context.Response;
        http.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            http.Headers.Append(name, value);
        }

        http.Headers[RequestIdHeader] = requestId;
        var mayHaveBody = response.StatusCode is not (204 or 304) && !HttpMethods.IsHead(context.Request.Method);
        if (!mayHaveBody)
        {
            return;
        }

        http.ContentLength = response.Body.Length;
        if (!response.Body.IsEmpty)
        {
            await http.Body.WriteAsync(response.Body, cancellationToken).ConfigureAwait(false);
        }
    }
}
