namespace Products.Lambda.ApiGateway.Internal;

/// <summary>
/// The fields we read of an HTTP API event, payload format 2.0 (Amazon API Gateway Developer Guide, "Create AWS
/// Lambda proxy integrations for HTTP APIs in API Gateway", payload format structure). Unknown fields are ignored.
/// </summary>
internal sealed record HttpApiV2Event
{
    public string? Version { get; init; }

    public string? RouteKey { get; init; }

    public string? RawPath { get; init; }

    public string? RawQueryString { get; init; }

    public string?[]? Cookies { get; init; }

    public Dictionary<string, string?>? Headers { get; init; }

    public Dictionary<string, string?>? QueryStringParameters { get; init; }

    public Dictionary<string, string?>? PathParameters { get; init; }

    public HttpApiV2RequestContext? RequestContext { get; init; }

    public string? Body { get; init; }

    public bool IsBase64Encoded { get; init; }
}
