namespace Products.Emulator.Gateway;

/// <summary>
/// One HTTP API route: <paramref name="Method"/> is an HTTP method or <c>ANY</c>; <paramref name="PathTemplate"/>
/// is a path such as <c>/products/{id}</c> or <c>/{proxy+}</c>, or <c>$default</c> for the catch-all route
/// (whose method is ignored).
/// </summary>
internal sealed record RouteDefinition(string Method, string PathTemplate, string FunctionLogicalId, PayloadFormat Format)
{
    /// <summary>The route key AWS puts in events and logs: <c>GET /products/{id}</c>, or <c>$default</c>.</summary>
    public string RouteKey => IsDefault ? RouteTemplate.DefaultRouteKey : $"{Method} {PathTemplate}";

    public bool IsDefault => PathTemplate == RouteTemplate.DefaultRouteKey;

    /// <summary>The JWT authorizer guarding the route and the scopes it requires; null for a public route.</summary>
    public RouteAuthorizer? Authorizer { get; init; }
}
