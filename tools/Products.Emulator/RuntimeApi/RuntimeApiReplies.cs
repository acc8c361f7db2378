using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Products.Emulator.RuntimeApi;

/// <summary>
/// The Runtime API's own answers, shaped as "StatusResponse" and "ErrorResponse" in the 2018-06-01 OpenAPI document
/// (runtime-api.zip), with the error types Lambda uses.
/// </summary>
internal static class RuntimeApiReplies
{
    public const string InvalidRequestId = "InvalidRequestID";
    public const string InvalidStateTransition = "InvalidStateTransition";
    public const string RequestEntityTooLarge = "RequestEntityTooLarge";
    public const string ServiceUnavailable = "ServiceUnavailable";

    /// <summary>202 <c>{"status":"OK"}</c>.</summary>
    public static Task AcceptedAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", "OK");
            json.WriteEndObject();
        }

        return WriteAsync(context, StatusCodes.Status202Accepted, buffer.ToArray());
    }

    /// <summary><c>{"errorMessage","errorType"}</c> with the given status.</summary>
    public static Task ErrorAsync(HttpContext context, int status, string errorType, string errorMessage) =>
        WriteAsync(context, status, ErrorDocument(errorType, errorMessage));

    /// <summary>The <c>{"errorMessage","errorType"}</c> document Lambda uses for its own and for runtime errors.</summary>
    public static byte[] ErrorDocument(string errorType, string errorMessage)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("errorMessage", errorMessage);
            json.WriteString("errorType", errorType);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static Task InvalidRequestIdAsync(HttpContext context) =>
        ErrorAsync(context, StatusCodes.Status400BadRequest, InvalidRequestId, "Invalid request ID");

    private static Task WriteAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
