namespace Products.Lambda.ApiGateway.Internal;

/// <summary><c>requestContext.http</c> of a payload format 2.0 event.</summary>
internal sealed record HttpApiV2Http
{
    public string? Method { get; init; }

    public string? Path { get; init; }

    public string? SourceIp { get; init; }

    public string? UserAgent { get; init; }
}
