namespace Products.Lambda.ApiGateway.Internal;

/// <summary>
/// The fields we read of a Lambda proxy event, payload format 1.0 (Amazon API Gateway Developer Guide, "Set up Lambda
/// proxy integrations in API Gateway", input format of a Lambda function for proxy integration). Unknown fields are ignored.
/// </summary>
internal sealed record RestApiV1Event
{
    public string? Version { get; init; }

    public string? Resource { get; init; }

    public string? Path { get; init; }

    public string? HttpMethod { get; init; }

    public Dictionary<string, string?>? Headers { get; init; }

    public Dictionary<string, string?[]?>? MultiValueHeaders { get; init; }

    public Dictionary<string, string?>? QueryStringParameters { get; init; }

    public Dictionary<string, string?[]?>? MultiValueQueryStringParameters { get; init; }

    public Dictionary<string, string?>? PathParameters { get; init; }

    public RestApiV1RequestContext? RequestContext { get; init; }

    public string? Body { get; init; }

    public bool IsBase64Encoded { get; init; }
}
