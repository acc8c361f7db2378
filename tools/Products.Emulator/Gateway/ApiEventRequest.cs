namespace Products.Emulator.Gateway;

/// <summary>
/// Public API: one request to turn into the event the local gateway would send a function (<see cref="ApiEventBuilder.Build(ApiEventRequest)"/>),
/// for callers that invoke functions without the gateway, such as the function tests. <paramref name="RawPath"/> and
/// <see cref="RawQueryString"/> are as a client sends them (percent-encoded, no leading <c>?</c>);
/// <paramref name="RouteKey"/> is the matched route (<c>GET /products/{id}</c>), from which the path parameters are
/// taken as the gateway takes them.
/// </summary>
public sealed record ApiEventRequest(string Method, string RawPath, string RouteKey)
{
    public PayloadFormat Format { get; init; } = PayloadFormat.V2;

    public string RawQueryString { get; init; } = string.Empty;

    /// <summary>Headers in sending order; a name may repeat. Names are lower-cased as the gateway does.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The body as UTF-8 text; null for none.</summary>
    public string? Body { get; init; }

    /// <summary>
    /// Whether the body reaches the function base64-encoded. Null: as the HTTP API decides from Content-Type; true
    /// stands for a REST API whose binaryMediaTypes cover the request's type.
    /// </summary>
    public bool? IsBase64Encoded { get; init; }

    /// <summary>What a JWT authorizer passes after verifying the caller's token; null for a public route.</summary>
    public IReadOnlyDictionary<string, string>? Claims { get; init; }

    /// <summary>The token's scopes when the route requires scopes (the event's <c>jwt.scopes</c>); null otherwise.</summary>
    public IReadOnlyList<string>? Scopes { get; init; }

    /// <summary>The request id the event carries; a new one when null.</summary>
    public string? RequestId { get; init; }
}
