namespace Products.Emulator.Auth;

/// <summary>
/// Where the emulator serves the local issuer: under the <c>/_local/</c> prefix reserved for the emulator's own pages,
/// never routed to a function.
/// </summary>
internal static class IssuerPaths
{
    public const string Base = "/_local/issuer";

    /// <summary>OpenID Connect Discovery 1.0: <c>&lt;issuer path&gt;/.well-known/openid-configuration</c>.</summary>
    public const string Discovery = Base + "/.well-known/openid-configuration";

    public const string Jwks = Base + "/jwks";

    /// <summary>The OAuth 2.0 token endpoint (client credentials grant) the reference page gets its token from.</summary>
    public const string Token = Base + "/token";
}
