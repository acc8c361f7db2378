namespace Products.Testing.OpenApi;

/// <summary>An HTTP exchange as a client saw it, for <see cref="OpenApiContract.Check"/>.</summary>
/// <param name="Method">The request method, e.g. <c>GET</c>.</param>
/// <param name="RawPath">The request path as sent (percent-encoded, no query string).</param>
/// <param name="IsPreflight">An <c>OPTIONS</c> request with <c>Origin</c> and <c>Access-Control-Request-Method</c>.</param>
/// <param name="Headers">Response and content headers by name (case-insensitive), each with its values.</param>
/// <param name="MediaType">The response's media type without parameters, or null without a Content-Type.</param>
public sealed record ObservedResponse(
    string Method,
    string RawPath,
    bool IsPreflight,
    int Status,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers,
    string? MediaType,
    ReadOnlyMemory<byte> Body)
{
    public override string ToString() => $"{Method} {RawPath} -> {Status}";
}
