using Products.Emulator.Auth;

namespace Products.Emulator.Tests.Auth;

public sealed class JwtAuthorizerTests
{
    private static readonly string[] WriteScope = ["products/write"];
    private static readonly string[] Groups = ["admin", "users"];

    // One key for the class: generating RSA keys is slow on a small machine.
    private static readonly LocalIssuer issuer = LocalIssuer.Ephemeral(TimeProvider.System);

    private static JwtAuthorizer Authorizer() => new(
        new JwtAuthorizerSettings("ProductsJwt", "Authorization", LocalIssuer.Issuer, [LocalIssuer.Audience]),
        issuer,
        TimeProvider.System);

    private static Task<AuthorizationResult> AuthorizeAsync(string? identity, IReadOnlyList<string>? scopes = null) =>
        Authorizer().AuthorizeAsync(identity, scopes ?? WriteScope, CancellationToken.None);

    [Fact]
    public async Task MintedToken_WithBearerPrefix_IsAllowed_WithEveryClaimAsAStringAndTheTokensScopes()
    {
        var token = issuer.Mint("alice", ["products/write", "openid"], TimeSpan.FromMinutes(5));

        var allowed = Assert.IsType<AuthorizationResult.Allowed>(await AuthorizeAsync("Bearer " + token));

        var claims = allowed.Claims.ToDictionary();
        Assert.Equal("alice", claims["sub"]);
        Assert.Equal(LocalIssuer.Issuer, claims["iss"]);
        Assert.Equal("products/write openid", claims["scope"]);
        Assert.Matches("^[0-9]+$", claims["exp"]);
        Assert.Equal(["products/write", "openid"], allowed.Scopes);
    }

    [Fact]
    public async Task TokenWithoutPrefix_IsAllowed_AndARouteWithoutScopesGetsNullScopes()
    {
        var token = issuer.Mint("bob", [], TimeSpan.FromMinutes(5));

        var allowed = Assert.IsType<AuthorizationResult.Allowed>(await AuthorizeAsync(token, []));

        Assert.Null(allowed.Scopes);
    }

    [Fact]
    public async Task ArrayAndBooleanClaims_ReachTheEventAsApiGatewayFormatsThem()
    {
        var token = issuer.Sign(TestTokens.Claims(c =>
        {
            c["groups"] = Groups;
            c["admin"] = true;
        }));

        var allowed = Assert.IsType<AuthorizationResult.Allowed>(await AuthorizeAsync("Bearer " + token));

        var claims = allowed.Claims.ToDictionary();
        Assert.Equal("[admin users]", claims["groups"]);
        Assert.Equal("true", claims["admin"]);
    }

    [Fact]
    public async Task ClientIdWithoutAud_IsCheckedAgainstTheAudiences()
    {
        var token = issuer.Sign(TestTokens.Claims(c =>
        {
            c.Remove("aud");
            c["client_id"] = LocalIssuer.Audience;
        }));
        var wrongClient = issuer.Sign(TestTokens.Claims(c =>
        {
            c.Remove("aud");
            c["client_id"] = "someone-else";
        }));

        Assert.IsType<AuthorizationResult.Allowed>(await AuthorizeAsync("Bearer " + token));
        Assert.IsType<AuthorizationResult.Unauthorized>(await AuthorizeAsync("Bearer " + wrongClient));
    }

    [Fact]
    public async Task ScpClaim_AsArray_GrantsTheScope()
    {
        var token = issuer.Sign(TestTokens.Claims(c =>
        {
            c.Remove("scope");
            c["scp"] = WriteScope;
        }));

        Assert.IsType<AuthorizationResult.Allowed>(await AuthorizeAsync("Bearer " + token));
    }

    [Fact]
    public async Task ValidTokenWithoutTheRoutesScope_IsForbidden()
    {
        var token = issuer.Mint("carol", ["products/read"], TimeSpan.FromMinutes(5));

        Assert.IsType<AuthorizationResult.Forbidden>(await AuthorizeAsync("Bearer " + token));
    }

    public static TheoryData<string> HostileTokenNames => new(HostileTokenCases.Names);

    [Theory]
    [MemberData(nameof(HostileTokenNames))]
    public async Task HostileToken_IsUnauthorized(string name)
    {
        var identity = HostileTokenCases.Identity(name, issuer);

        var result = await AuthorizeAsync(identity);

        Assert.IsType<AuthorizationResult.Unauthorized>(result);
    }

    [Fact]
    public async Task IssuerKey_IsCreatedOnce_ReadableByItsOwnerOnly_AndTokensSurviveAReload()
    {
        var folder = Directory.CreateTempSubdirectory("issuer-key-");
        try
        {
            var path = Path.Combine(folder.FullName, "issuer", "signing-key.json");
            var first = LocalIssuer.LoadOrCreate(path, TimeProvider.System);
            var token = first.Mint("dana", ["products/write"], TimeSpan.FromMinutes(5));

            var reloaded = LocalIssuer.LoadOrCreate(path, TimeProvider.System);
            var authorizer = new JwtAuthorizer(
                new JwtAuthorizerSettings("ProductsJwt", "Authorization", LocalIssuer.Issuer, [LocalIssuer.Audience]),
                reloaded,
                TimeProvider.System);

            Assert.Equal(first.KeyId, reloaded.KeyId);
            Assert.IsType<AuthorizationResult.Allowed>(await authorizer.AuthorizeAsync("Bearer " + token, WriteScope, CancellationToken.None));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }

            Assert.DoesNotContain("\"d\"", System.Text.Encoding.UTF8.GetString(reloaded.JwksJson()), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
