namespace Products.Testing.OpenApi;

/// <summary>
/// Checks every answer passing through an <see cref="HttpClient"/> against openapi.yaml (<see cref="OpenApiContract.Check"/>):
/// a violation is recorded in <paramref name="violations"/> and thrown as <see cref="OpenApiContractException"/> at the
/// request that got it. The body is buffered, so callers read it as usual.
/// </summary>
public sealed class ContractCheckingHandler(OpenApiContract contract, ContractViolations violations, HttpMessageHandler inner)
    : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var uri = response.RequestMessage?.RequestUri ?? request.RequestUri
            ?? throw new InvalidOperationException("The request has no URI.");
        var observed = new ObservedResponse(
            request.Method.Method,
            uri.AbsolutePath,
            IsPreflight(request),
            (int)response.StatusCode,
            Headers(response),
            response.Content.Headers.ContentType?.MediaType,
            body);
        var problems = contract.Check(observed);
        if (problems.Count > 0)
        {
            violations.Add(problems);
            response.Dispose();
            throw new OpenApiContractException(problems);
        }

        return response;
    }

    private static bool IsPreflight(HttpRequestMessage request) =>
        request.Method == HttpMethod.Options
        && request.Headers.Contains("Origin")
        && request.Headers.Contains("Access-Control-Request-Method");

    private static Dictionary<string, IReadOnlyList<string>> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            headers[name] = [.. values];
        }

        return headers;
    }
}
