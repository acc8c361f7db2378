namespace Products.Reliability.Hostile;

/// <summary>
/// One hostile request and what a correct API answers: a 4xx from <paramref name="Statuses"/> whose JSON body mentions
/// one of <paramref name="Names"/> (the problem, named: a field, a parameter, a header), case-insensitively.
/// </summary>
/// <param name="Category">The list entry it belongs to, e.g. "invalid JSON".</param>
/// <param name="Description">What is hostile about it, for the report.</param>
/// <param name="PathAndQuery">Sent as is (already percent-encoded where needed).</param>
/// <param name="ContentType">Content-Type header, or null for none.</param>
/// <param name="ByGateway">
/// Answered by API Gateway itself (no route, payload quota), not by a function: API Gateway sends its own bare
/// errors, without the function's security headers.
/// </param>
/// <param name="Headers">More request headers, sent as given (a name listed twice is sent twice).</param>
public sealed record HostileRequest(
    string Category,
    string Description,
    HttpMethod Method,
    string PathAndQuery,
    byte[]? Body,
    string? ContentType,
    int[] Statuses,
    string[] Names,
    bool ByGateway = false,
    IReadOnlyList<string>? Authorization = null,
    IReadOnlyList<KeyValuePair<string, string>>? Headers = null);
