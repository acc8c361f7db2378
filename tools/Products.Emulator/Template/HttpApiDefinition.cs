namespace Products.Emulator.Template;

/// <summary>An <c>AWS::Serverless::HttpApi</c>, or the implicit <c>ServerlessHttpApi</c> (<see cref="IsImplicit"/>).</summary>
/// <param name="StageName">The stage; SAM's default is <c>$default</c> (no path prefix).</param>
/// <param name="Cors">Null when the API has no CorsConfiguration.</param>
public sealed record HttpApiDefinition(string LogicalId, string StageName, CorsDefinition? Cors, bool IsImplicit)
{
    public const string DefaultStageName = "$default";

    /// <summary>The stage's DefaultRouteSettings throttling, or null when the account's limits apply.</summary>
    public ThrottleSettings? DefaultThrottling { get; init; }

    /// <summary>The API's JWT authorizers (<c>Auth.Authorizers</c>) by name; empty when it has none.</summary>
    public IReadOnlyDictionary<string, HttpApiAuthorizerDefinition> Authorizers { get; init; } =
        System.Collections.ObjectModel.ReadOnlyDictionary<string, HttpApiAuthorizerDefinition>.Empty;

    /// <summary><c>Auth.DefaultAuthorizer</c>: guards every route that does not name another (or <c>NONE</c>).</summary>
    public string? DefaultAuthorizer { get; init; }

    /// <summary>
    /// What guards <paramref name="route"/> of this API: its own <c>Auth.Authorizer</c>, else the default authorizer;
    /// its own <c>AuthorizationScopes</c>, else the authorizer's. Null for a public route.
    /// </summary>
    public RouteAuthorization? AuthorizationOf(ApiRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var name = route.Authorizer ?? DefaultAuthorizer;
        return name is null or ApiRoute.NoAuthorizer || !Authorizers.TryGetValue(name, out var authorizer)
            ? null
            : new RouteAuthorization(authorizer, route.AuthorizationScopes ?? authorizer.AuthorizationScopes);
    }
}
