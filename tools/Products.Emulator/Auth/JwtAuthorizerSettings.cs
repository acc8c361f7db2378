namespace Products.Emulator.Auth;

/// <summary>
/// One JWT authorizer of an HTTP API (<c>AWS::Serverless::HttpApi</c> <c>Auth.Authorizers.&lt;name&gt;</c>):
/// the header its identity source names, the issuer tokens must carry in <c>iss</c>, and the audiences one of which
/// <c>aud</c> (or <c>client_id</c> when there is no <c>aud</c>) must match.
/// </summary>
internal sealed record JwtAuthorizerSettings(string Name, string IdentityHeader, string Issuer, IReadOnlyList<string> Audiences);
