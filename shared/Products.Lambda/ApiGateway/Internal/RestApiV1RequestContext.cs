namespace Products.Lambda.ApiGateway.Internal;

/// <summary><c>requestContext</c> of a payload format 1.0 event.</summary>
internal sealed record RestApiV1RequestContext
{
    public string? RequestId { get; init; }

    public string? Stage { get; init; }

    /// <summary>Common Log Format time, e.g. <c>04/Mar/2020:19:15:17 +0000</c>.</summary>
    public string? RequestTime { get; init; }

    /// <summary>Milliseconds since the Unix epoch.</summary>
    public long? RequestTimeEpoch { get; init; }

    public RestApiV1Identity? Identity { get; init; }

    public RestApiV1Authorizer? Authorizer { get; init; }
}
