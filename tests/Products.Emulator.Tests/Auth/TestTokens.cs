using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Products.Emulator.Auth;

namespace Products.Emulator.Tests.Auth;

/// <summary>Tokens for the authorizer tests: good ones from a <see cref="LocalIssuer"/>, and forged ones.</summary>
internal static class TestTokens
{
    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>The claims of a token the local authorizer accepts, with <paramref name="change"/> applied.</summary>
    public static Dictionary<string, object> Claims(Action<Dictionary<string, object>>? change = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["iss"] = LocalIssuer.Issuer,
            ["aud"] = LocalIssuer.Audience,
            ["sub"] = "tester",
            ["scope"] = "products/write",
            ["iat"] = Now - 10,
            ["nbf"] = Now - 10,
            ["exp"] = Now + 600,
        };
        change?.Invoke(claims);
        return claims;
    }

    /// <summary>Signed with a key the issuer never published, under the given kid.</summary>
    public static string SignedWithForeignKey(string kid, Dictionary<string, object> claims)
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa.ExportParameters(true)) { KeyId = kid };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Algorithm confusion: HS256 keyed with the issuer's public modulus, under the issuer's kid.</summary>
    public static string Hs256WithPublicKey(LocalIssuer issuer, Dictionary<string, object> claims)
    {
        var modulus = issuer.PublicKey.N;
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(modulus)) { KeyId = issuer.KeyId };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary><c>alg: none</c>, no signature, under the issuer's kid.</summary>
    public static string Unsigned(LocalIssuer issuer, Dictionary<string, object> claims) =>
        Segment($$"""{"alg":"none","typ":"JWT","kid":"{{issuer.KeyId}}"}""") + "." + Segment(Json(claims)) + ".";

    /// <summary>A good token whose payload was replaced after signing (the signature no longer covers it).</summary>
    public static string PayloadEdited(string token, Dictionary<string, object> claims)
    {
        var parts = token.Split('.');
        return parts[0] + "." + Segment(Json(claims)) + "." + parts[2];
    }

    public static string Segment(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    private static string Json(Dictionary<string, object> claims) =>
        "{" + string.Join(",", claims.Select(c => $"\"{c.Key}\":" + (c.Value is string s ? $"\"{s}\"" : Convert.ToString(c.Value, System.Globalization.CultureInfo.InvariantCulture)))) + "}";
}
