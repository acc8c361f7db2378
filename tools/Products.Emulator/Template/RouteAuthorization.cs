namespace Products.Emulator.Template;

/// <summary>What guards one route: the JWT authorizer, and the scopes a token must hold one of (empty: any valid token).</summary>
public sealed record RouteAuthorization(HttpApiAuthorizerDefinition Authorizer, IReadOnlyList<string> Scopes);
