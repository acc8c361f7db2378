namespace Products.Emulator.Template;

/// <summary>
/// One HttpApi or Api event of a function. <see cref="Method"/> is upper case and may be <c>ANY</c>; an HttpApi event
/// without Path and Method is the API's default route: Method <c>ANY</c>, Path <see cref="DefaultRoutePath"/>.
/// </summary>
/// <param name="ApiLogicalId">The API's logical id, <c>ServerlessHttpApi</c> / <c>ServerlessRestApi</c> for the implicit ones.</param>
/// <param name="PayloadFormatVersion">"2.0" or "1.0": the event shape the function receives.</param>
/// <param name="TimeoutInMillis">HttpApi integration timeout when the template sets one (API Gateway's limit is 30 s).</param>
/// <remarks>
/// <see cref="Authorizer"/> and <see cref="AuthorizationScopes"/> are the event's <c>Auth</c> as written: null when it
/// names none (the API's <c>DefaultAuthorizer</c> applies), <see cref="NoAuthorizer"/> for a public route.
/// </remarks>
public sealed record ApiRoute(
    string EventName,
    ApiKind Kind,
    string Method,
    string Path,
    string ApiLogicalId,
    string PayloadFormatVersion,
    int? TimeoutInMillis)
{
    public const string DefaultRoutePath = "$default";

    /// <summary>SAM's <c>Auth.Authorizer</c> value that makes a route public despite a default authorizer.</summary>
    public const string NoAuthorizer = "NONE";

    public string? Authorizer { get; init; }

    /// <summary>The event's <c>Auth.AuthorizationScopes</c>; null when it gives none (the authorizer's apply).</summary>
    public IReadOnlyList<string>? AuthorizationScopes { get; init; }
}
