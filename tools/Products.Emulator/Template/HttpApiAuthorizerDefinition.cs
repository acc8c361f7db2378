namespace Products.Emulator.Template;

/// <summary>
/// A JWT authorizer of an <c>AWS::Serverless::HttpApi</c> (<c>Auth.Authorizers.&lt;Name&gt;</c>, SAM's
/// "OAuth2Authorizer"), resolved for the stage.
/// </summary>
/// <param name="Name">The key under <c>Authorizers</c>; routes name it in <c>Auth.Authorizer</c>.</param>
/// <param name="IdentityHeader">The header of <c>IdentitySource</c> (<c>$request.header.Authorization</c> by default).</param>
/// <param name="Issuer">The resolved <c>JwtConfiguration.issuer</c>; in a stack that creates its own user pool this names
/// a resource that does not exist locally.</param>
/// <param name="Audiences">The resolved <c>JwtConfiguration.audience</c>.</param>
/// <param name="AuthorizationScopes">Scopes of routes that do not give their own.</param>
public sealed record HttpApiAuthorizerDefinition(
    string Name,
    string IdentityHeader,
    string Issuer,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<string> AuthorizationScopes);
