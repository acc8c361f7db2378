namespace Products.Emulator.Auth;

/// <summary>
/// What the JWT authorizer decided. A closed set: <see cref="Allowed"/> carries what reaches the event; the reasons of
/// <see cref="Unauthorized"/> and <see cref="Forbidden"/> (one word each, e.g. <c>unknown-kid</c>) are for the access
/// log only, never for the client, which gets API Gateway's fixed bodies.
/// </summary>
internal abstract record AuthorizationResult
{
    private AuthorizationResult()
    {
    }

    /// <summary>
    /// The token is valid (and has one of the route's scopes). <paramref name="Claims"/> are every claim of the token as
    /// the strings API Gateway passes; <paramref name="Scopes"/> are the token's scopes when the route requires scopes,
    /// null otherwise (the event's <c>jwt.scopes</c>).
    /// </summary>
    public sealed record Allowed(IReadOnlyList<KeyValuePair<string, string>> Claims, IReadOnlyList<string>? Scopes)
        : AuthorizationResult;

    /// <summary>No token, or a token that fails validation: 401 <c>{"message":"Unauthorized"}</c>.</summary>
    public sealed record Unauthorized(string Reason) : AuthorizationResult;

    /// <summary>A valid token without any of the route's scopes: 403 <c>{"message":"Forbidden"}</c>.</summary>
    public sealed record Forbidden(string Reason) : AuthorizationResult;
}
