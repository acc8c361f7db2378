using System.Text;

namespace Products.Emulator.Gateway;

/// <summary>
/// The responses an HTTP API itself sends (all <c>application/json</c>; the writer adds <c>apigw-requestid</c> to
/// every response, as HTTP APIs do). A failed invocation or malformed function response is a 502, as the Lambda guide
/// "Handling Lambda errors with an API Gateway API" states ("If the function runs but returns an error, or returns a
/// response in the wrong format, API Gateway returns a 502"), with the HTTP API body
/// <c>{"message":"Internal Server Error"}</c> ("Troubleshooting issues with HTTP API Lambda integrations").
/// </summary>
internal static class GatewayErrors
{
    /// <summary>No route matched: "If no routes match a request, API Gateway returns {"message":"Not Found"}" ("Working with routes for HTTP APIs").</summary>
    public static GatewayResponse NotFound() => Json(404, """{"message":"Not Found"}""");

    /// <summary>
    /// Request body over the 10 MB payload quota ("Quotas for configuring and running an HTTP API in API Gateway").
    /// The docs give no body for this answer; the message is the status's reason phrase.
    /// </summary>
    public static GatewayResponse RequestTooLarge() => Json(413, """{"message":"Request Entity Too Large"}""");

    /// <summary>
    /// The function failed (unhandled error, its own Timeout, crash, response over Lambda's 6 MB) or returned a
    /// response in the wrong format: "Troubleshooting issues with HTTP API Lambda integrations" — "My API with a
    /// Lambda integration returns {"message":"Internal Server Error"}".
    /// </summary>
    public static GatewayResponse BadGateway() => Json(502, """{"message":"Internal Server Error"}""");

    /// <summary>The emulator itself failed (a defect in the gateway, not the function): 500 with the same body.</summary>
    public static GatewayResponse InternalServerError() => Json(500, """{"message":"Internal Server Error"}""");

    /// <summary>
    /// The integration did not answer within the 30-second "Maximum integration timeout" ("Quotas for configuring
    /// and running an HTTP API in API Gateway"). HTTP APIs answer 503 <c>{"message":"Service Unavailable"}</c> here
    /// while the function may still be running (docs/local-run.md, "Gateway answers"); 504 "Endpoint request timed
    /// out" is the REST API answer.
    /// </summary>
    public static GatewayResponse ServiceUnavailable() => Json(503, """{"message":"Service Unavailable"}""");

    /// <summary>
    /// Throttled: "Clients may receive 429 Too Many Requests error responses" ("Throttling requests to your HTTP
    /// API"). Used when Lambda refuses the invocation for lack of concurrency; the HTTP API docs do not describe that
    /// case separately, so it keeps the same retryable answer.
    /// </summary>
    public static GatewayResponse TooManyRequests() => Json(429, """{"message":"Too Many Requests"}""");

    /// <summary>
    /// The route's JWT authorizer refused the request: no token, or one that fails validation ("Controlling access to
    /// HTTP APIs with JWT authorizers": "If any of these steps fail, API Gateway denies the API request").
    /// </summary>
    public static GatewayResponse Unauthorized() => Json(401, """{"message":"Unauthorized"}""");

    /// <summary>A valid token without any of the route's authorization scopes.</summary>
    public static GatewayResponse Forbidden() => Json(403, """{"message":"Forbidden"}""");

    private static GatewayResponse Json(int status, string body) =>
        new(status, [new("Content-Type", "application/json")], Encoding.UTF8.GetBytes(body));
}
