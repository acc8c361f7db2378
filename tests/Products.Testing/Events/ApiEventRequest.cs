namespace Products.Testing.Events;

/// <summary>
/// One HTTP request as a test wants to send it, before it becomes an API Gateway event. <paramref name="Claims"/> and
/// <paramref name="Scopes"/> stand for what a JWT authorizer passes after verifying the caller's token.
/// </summary>
public sealed record ApiEventRequest(
    string Method,
    string Path,
    string RouteKey,
    IReadOnlyDictionary<string, string>? PathParameters = null,
    IReadOnlyList<KeyValuePair<string, string>>? Query = null,
    IReadOnlyList<KeyValuePair<string, string>>? Headers = null,
    string? Body = null,
    bool Base64Body = false,
    IReadOnlyDictionary<string, string>? Claims = null,
    IReadOnlyList<string>? Scopes = null);
