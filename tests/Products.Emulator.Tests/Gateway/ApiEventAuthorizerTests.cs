using Products.Emulator.Auth;
using Products.Emulator.Gateway;
using Products.Lambda.ApiGateway;
using PayloadFormat = Products.Emulator.Gateway.PayloadFormat;

namespace Products.Emulator.Tests.Gateway;

/// <summary>The authorizer's output in the events, read back by the functions' own event parser.</summary>
public sealed class ApiEventAuthorizerTests
{
    private static readonly AuthorizationResult.Allowed Authorized = new(
        [new("sub", "alice"), new("scope", "products/write openid"), new("exp", "1733303600"), new("groups", "[admin users]")],
        ["products/write", "openid"]);

    [Fact]
    public void PayloadV2_CarriesClaimsAndScopesUnderAuthorizerJwt()
    {
        var request = ApiEventBuilderV2Tests.Request("POST", "/products", "", [("content-type", ["application/json"])], "{}"u8.ToArray());
        var context = ApiEventBuilderV2Tests.Context("req-v2") with { Authorizer = Authorized };

        var json = ApiEventBuilder.BuildV2(request, ApiEventBuilderV2Tests.Match("POST", "/products", []), context);

        using var document = ApiEventBuilderV2Tests.Parse(json);
        var jwt = document.RootElement.GetProperty("requestContext").GetProperty("authorizer").GetProperty("jwt");
        Assert.Equal("1733303600", jwt.GetProperty("claims").GetProperty("exp").GetString());
        Assert.Equal(2, jwt.GetProperty("scopes").GetArrayLength());
        Assert.True(ApiGatewayEvent.TryParse(json, out var parsed, out var problem), problem);
        Assert.Equal("alice", parsed.CallerSubject);
        Assert.Equal("[admin users]", parsed.Claims["groups"]);
        Assert.Equal(["products/write", "openid"], parsed.Scopes);
    }

    [Fact]
    public void PayloadV1_CarriesClaimsAndScopesDirectlyUnderAuthorizer()
    {
        var request = ApiEventBuilderV2Tests.Request("POST", "/products", "", [("content-type", ["application/json"])], "{}"u8.ToArray());
        var context = ApiEventBuilderV2Tests.Context("req-v1") with { Authorizer = Authorized with { Scopes = null } };

        var json = ApiEventBuilder.BuildV1(request, ApiEventBuilderV2Tests.Match("POST", "/products", [], PayloadFormat.V1), context);

        using var document = ApiEventBuilderV2Tests.Parse(json);
        var authorizer = document.RootElement.GetProperty("requestContext").GetProperty("authorizer");
        Assert.Equal("alice", authorizer.GetProperty("claims").GetProperty("sub").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, authorizer.GetProperty("scopes").ValueKind);
        Assert.True(ApiGatewayEvent.TryParse(json, out var parsed, out var problem), problem);
        Assert.Equal("alice", parsed.CallerSubject);
        Assert.Empty(parsed.Scopes);
    }

    [Fact]
    public void PublicRoute_HasNoAuthorizerInTheEvent()
    {
        var request = ApiEventBuilderV2Tests.Request("GET", "/products", "", []);

        using var document = ApiEventBuilderV2Tests.Parse(
            ApiEventBuilder.BuildV2(request, ApiEventBuilderV2Tests.Match("GET", "/products", []), ApiEventBuilderV2Tests.Context("req")));

        Assert.False(document.RootElement.GetProperty("requestContext").TryGetProperty("authorizer", out _));
    }
}
