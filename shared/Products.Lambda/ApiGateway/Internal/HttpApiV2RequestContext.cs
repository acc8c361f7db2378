namespace Products.Lambda.ApiGateway.Internal;

/// <summary><c>requestContext</c> of a payload format 2.0 event.</summary>
internal sealed record HttpApiV2RequestContext
{
    public string? RequestId { get; init; }

    public string? Stage { get; init; }

    /// <summary>Common Log Format time, e.g. <c>12/Mar/2020:19:03:58 +0000</c>.</summary>
    public string? Time { get; init; }

    /// <summary>Milliseconds since the Unix epoch.</summary>
    public long? TimeEpoch { get; init; }

    public HttpApiV2Http? Http { get; init; }

    public HttpApiV2Authorizer? Authorizer { get; init; }
}
