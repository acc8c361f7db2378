using Products.Lambda.ApiGateway.Internal;

namespace Products.Lambda.ApiGateway;

/// <summary>
/// An HTTP request delivered by API Gateway, the same whichever payload format carried it.
/// <see cref="ApiGatewayEvent.TryParse"/> builds it from an event; tests may build one directly.
/// </summary>
public sealed class ApiRequest
{
    /// <summary>The payload format of the event; the response must be written in the same format.</summary>
    public required PayloadFormat Format { get; init; }

    /// <summary>The HTTP method, upper-case.</summary>
    public required string Method
    {
        get;
        init => field = value.ToUpperInvariant();
    }

    /// <summary>The request path as received (format 2.0 <c>rawPath</c>, format 1.0 <c>path</c>).</summary>
    public required string Path { get; init; }

    /// <summary>The matched route: format 2.0 <c>routeKey</c> (for example <c>GET /products/{id}</c>); format 1.0 "METHOD resource".</summary>
    public string RouteKey { get; init; } = string.Empty;

    /// <summary>Values of the route's path variables; empty when there are none.</summary>
    public IReadOnlyDictionary<string, string> PathParameters { get; init; } =
        System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Decoded query string parameters.</summary>
    public QueryParameters Query { get; init; } = QueryParameters.Empty;

    /// <summary>Request headers, names ignoring case.</summary>
    public RequestHeaders Headers { get; init; } = RequestHeaders.Empty;

    /// <summary>Request cookies as <c>name=value</c> strings.</summary>
    public IReadOnlyList<string> Cookies { get; init; } = [];

    /// <summary>The body bytes, already base64-decoded when API Gateway encoded them.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Whether the request has a non-empty body.</summary>
    public bool HasBody => !Body.IsEmpty;

    /// <summary>API Gateway's request id (<c>requestContext.requestId</c>), or null when absent.</summary>
    public string? RequestId { get; init; }

    /// <summary>The client's IP address as API Gateway saw it, or null when absent.</summary>
    public string? SourceIp { get; init; }

    /// <summary>The client's User-Agent, or null when absent.</summary>
    public string? UserAgent { get; init; }

    /// <summary>The API stage (<c>$default</c> for an HTTP API default stage), or null when absent.</summary>
    public string? Stage { get; init; }

    /// <summary>When API Gateway received the request, or null when the event does not say.</summary>
    public DateTimeOffset? RequestTime { get; init; }

    /// <summary>
    /// The claims of the caller's token as the route's authorizer passed them: format 2.0
    /// <c>requestContext.authorizer.jwt.claims</c> (HTTP API JWT authorizer), format 1.0
    /// <c>requestContext.authorizer.claims</c> (REST API Cognito user pool authorizer, or an HTTP API JWT authorizer with
    /// payload 1.0). Values are strings, as API Gateway passes them. Empty when the route has no such authorizer.
    /// </summary>
    public IReadOnlyDictionary<string, string> Claims { get; init; } =
        System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>
    /// The token's scopes the authorizer passed (<c>requestContext.authorizer.jwt.scopes</c>, or 1.0's
    /// <c>requestContext.authorizer.scopes</c>); empty when none were passed.
    /// </summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>
    /// Who is calling: the token's <c>sub</c> claim as the authorizer passed it, or null on a route without an authorizer
    /// (or a token without a subject). Only trustworthy because API Gateway verified the token before invoking us.
    /// </summary>
    public string? CallerSubject => Claims.TryGetValue("sub", out var subject) && subject.Length > 0 ? subject : null;

    /// <summary>The Content-Type header, or null when absent.</summary>
    public string? ContentType => Headers.Get("Content-Type");

    /// <summary>
    /// Whether the Content-Type's media type is <c>application/json</c> or <c>application/*+json</c>, ignoring case and
    /// parameters such as charset.
    /// </summary>
    public bool HasJsonContentType() => MediaType.IsJson(ContentType);
}
