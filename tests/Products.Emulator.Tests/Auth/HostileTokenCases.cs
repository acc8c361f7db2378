using Products.Emulator.Auth;

namespace Products.Emulator.Tests.Auth;

/// <summary>
/// The hostile tokens of issue 12, as the Authorization header value each sends (null: no header). Every one must be
/// answered 401 by the authorizer; the scope case (403) is tested on its own.
/// </summary>
internal static class HostileTokenCases
{
    public static readonly string[] Names =
    [
        "missing", "alg-none", "hs256-confusion", "foreign-key-same-kid", "unknown-kid", "no-kid", "expired",
        "not-yet-valid", "issued-in-future", "wrong-iss", "wrong-aud", "no-exp", "payload-edited", "signature-stripped",
        "signature-truncated", "garbage", "three-garbage-segments", "ten-kilobytes", "basic-scheme", "empty-bearer",
        "bearer-word-only", "two-headers-joined",
    ];

    public static string? Identity(string name, LocalIssuer issuer)
    {
        var good = issuer.Mint("mallory", ["products/write"], TimeSpan.FromMinutes(5));
        return name switch
        {
            "missing" => null,
            "alg-none" => "Bearer " + TestTokens.Unsigned(issuer, TestTokens.Claims()),
            "hs256-confusion" => "Bearer " + TestTokens.Hs256WithPublicKey(issuer, TestTokens.Claims()),
            "foreign-key-same-kid" => "Bearer " + TestTokens.SignedWithForeignKey(issuer.KeyId, TestTokens.Claims()),
            "unknown-kid" => "Bearer " + TestTokens.SignedWithForeignKey("unknown-kid", TestTokens.Claims()),
            "no-kid" => "Bearer " + TestTokens.SignedWithForeignKey(string.Empty, TestTokens.Claims()),
            "expired" => "Bearer " + issuer.Sign(TestTokens.Claims(c => c["exp"] = TestTokens.Now - 1)),
            "not-yet-valid" => "Bearer " + issuer.Sign(TestTokens.Claims(c => c["nbf"] = TestTokens.Now + 600)),
            "issued-in-future" => "Bearer " + issuer.Sign(TestTokens.Claims(c => c["iat"] = TestTokens.Now + 600)),
            "wrong-iss" => "Bearer " + issuer.Sign(TestTokens.Claims(c => c["iss"] = "https://evil.example.com/")),
            "wrong-aud" => "Bearer " + issuer.Sign(TestTokens.Claims(c => c["aud"] = "another-api")),
            "no-exp" => "Bearer " + issuer.Sign(TestTokens.Claims(c => c.Remove("exp"))),
            "payload-edited" => "Bearer " + TestTokens.PayloadEdited(good, TestTokens.Claims(c => c["sub"] = "admin")),
            "signature-stripped" => "Bearer " + good[..(good.LastIndexOf('.') + 1)],
            "signature-truncated" => "Bearer " + good[..^8],
            "garbage" => "Bearer not-a-token",
            "three-garbage-segments" => "Bearer abc.def.ghi",
            "ten-kilobytes" => "Bearer " + TestTokens.Segment("{\"alg\":\"RS256\",\"kid\":\"" + issuer.KeyId + "\"}") + "."
                               + new string('A', 10_000) + ".c2ln",
            "basic-scheme" => "Basic bWFsbG9yeTpzZWNyZXQ=",
            "empty-bearer" => "Bearer ",
            "bearer-word-only" => "Bearer",
            "two-headers-joined" => "Bearer " + good + ",Bearer " + good,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }
}
