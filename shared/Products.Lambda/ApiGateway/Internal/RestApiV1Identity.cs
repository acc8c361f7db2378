namespace Products.Lambda.ApiGateway.Internal;

/// <summary><c>requestContext.identity</c> of a payload format 1.0 event.</summary>
internal sealed record RestApiV1Identity
{
    public string? SourceIp { get; init; }

    public string? UserAgent { get; init; }
}
