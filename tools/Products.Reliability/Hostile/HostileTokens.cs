using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Products.Emulator.Auth;

namespace Products.Reliability.Hostile;

/// <summary>
/// Issue 12's hostile tokens against POST /products (docs/auth.md): each must get API Gateway's 401
/// <c>{"message":"Unauthorized"}</c> (403 <c>{"message":"Forbidden"}</c> for the valid token without the scope) and write
/// nothing. Forgeries that need the issuer's public key or kid are built only when the local issuer is known.
/// </summary>
internal static class HostileTokens
{
    private static readonly int[] Unauthorized = [401];
    private static readonly int[] Forbidden = [403];
    private static readonly string[] UnauthorizedName = ["Unauthorized"];
    private static readonly string[] ForbiddenName = ["Forbidden"];

    public static IEnumerable<HostileRequest> All(LocalIssuer? issuer)
    {
        yield return Refused("no Authorization header", []);
        yield return Refused("empty bearer", ["Bearer "]);
        yield return Refused("the word Bearer alone", ["Bearer"]);
        yield return Refused("another scheme (Basic)", ["Basic bWFsbG9yeTpzZWNyZXQ="]);
        yield return Refused("garbage", ["Bearer not-a-token"]);
        yield return Refused("three garbage segments", ["Bearer abc.def.ghi"]);
        yield return Refused("a 10 KB token", ["Bearer " + Segment("""{"alg":"RS256","kid":"k"}""") + "." + new string('A', 10_000) + ".c2ln"]);
        yield return Refused("unknown kid", ["Bearer " + ForeignKey("unknown-kid", Claims())]);
        yield return Refused("no kid", ["Bearer " + ForeignKey(string.Empty, Claims())]);
        if (issuer is null)
        {
            yield break;
        }

        var good = issuer.Mint("mallory", ["products/write"], TimeSpan.FromMinutes(30));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        yield return Refused("alg none", ["Bearer " + Segment($$"""{"alg":"none","typ":"JWT","kid":"{{issuer.KeyId}}"}""") + "." + Segment(Json(Claims())) + "."]);
        yield return Refused("HS256 keyed with the issuer's public key (algorithm confusion)", ["Bearer " + Hs256(issuer, Claims())]);
        yield return Refused("foreign RSA key under the issuer's kid", ["Bearer " + ForeignKey(issuer.KeyId, Claims())]);
        yield return Refused("expired", ["Bearer " + issuer.Sign(Claims(c => c["exp"] = now - 1))]);
        yield return Refused("not yet valid (nbf)", ["Bearer " + issuer.Sign(Claims(c => c["nbf"] = now + 600))]);
        yield return Refused("issued in the future (iat)", ["Bearer " + issuer.Sign(Claims(c => c["iat"] = now + 600))]);
        yield return Refused("no exp", ["Bearer " + issuer.Sign(Claims(c => c.Remove("exp")))]);
        yield return Refused("wrong iss", ["Bearer " + issuer.Sign(Claims(c => c["iss"] = "https://evil.example.com/"))]);
        yield return Refused("wrong aud", ["Bearer " + issuer.Sign(Claims(c => c["aud"] = "another-api"))]);
        yield return Refused("payload edited after signing", ["Bearer " + good.Split('.')[0] + "." + Segment(Json(Claims(c => c["sub"] = "admin"))) + "." + good.Split('.')[2]]);
        yield return Refused("signature stripped", ["Bearer " + good[..(good.LastIndexOf('.') + 1)]]);
        yield return Refused("signature truncated", ["Bearer " + good[..^8]]);
        yield return Refused("two Authorization headers", ["Bearer " + good, "Bearer " + good]);
        yield return new HostileRequest(
            "authorization", "valid token without products/write", HttpMethod.Post, "/products", Body, "application/json",
            Forbidden, ForbiddenName, ByGateway: true, Authorization: ["Bearer " + issuer.Mint("reader", ["products/read"], TimeSpan.FromMinutes(30))]);
    }

    private static byte[] Body => Encoding.UTF8.GetBytes("""{"name":"Should never exist","price":1}""");

    private static HostileRequest Refused(string description, string[] authorization) =>
        new("authorization", description, HttpMethod.Post, "/products", Body, "application/json", Unauthorized, UnauthorizedName,
            ByGateway: true, Authorization: authorization);

    private static Dictionary<string, object> Claims(Action<Dictionary<string, object>>? change = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = LocalIssuer.Issuer,
            ["aud"] = LocalIssuer.Audience,
            ["sub"] = "mallory",
            ["scope"] = "products/write",
            ["iat"] = now - 10,
            ["nbf"] = now - 10,
            ["exp"] = now + 1800,
        };
        change?.Invoke(claims);
        return claims;
    }

    private static string ForeignKey(string kid, Dictionary<string, object> claims)
    {
        using var rsa = RSA.Create(2048);
        return Sign(new RsaSecurityKey(rsa.ExportParameters(true)) { KeyId = kid }, SecurityAlgorithms.RsaSha256, claims);
    }

    private static string Hs256(LocalIssuer issuer, Dictionary<string, object> claims) =>
        Sign(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(issuer.PublicKey.N)) { KeyId = issuer.KeyId }, SecurityAlgorithms.HmacSha256, claims);

    private static string Sign(SecurityKey key, string algorithm, Dictionary<string, object> claims) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, algorithm),
        });

    private static string Segment(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    private static string Json(Dictionary<string, object> claims)
    {
        using var buffer = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in claims)
            {
                if (value is long number)
                {
                    json.WriteNumber(name, number);
                }
                else
                {
                    json.WriteString(name, value.ToString());
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
