using System.Text.Json.Nodes;
using Products.Lambda.ApiGateway;

namespace Products.Lambda.Tests.ApiGateway;

public sealed class AuthorizerClaimsTests
{
    [Fact]
    public void HttpApiJwtAuthorizer_ClaimsScopesAndSubject_AreRead()
    {
        var request = EventJson.Parse(AuthorizerSamples.HttpApiJwtPost(EventJson.NewRequestId()));

        Assert.Equal("5r2hv8m1c9k3q7d0example", request.CallerSubject);
        Assert.Equal(10, request.Claims.Count);
        Assert.Equal("access", request.Claims["token_use"]);
        Assert.Equal("1733303600", request.Claims["exp"]);
        Assert.Equal("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example1", request.Claims["iss"]);
        Assert.Equal(["products/write"], request.Scopes);
    }

    [Fact]
    public void RestApiCognitoAuthorizer_ClaimsAndSubject_AreRead()
    {
        var request = EventJson.Parse(AuthorizerSamples.RestApiCognitoPost(EventJson.NewRequestId()));

        Assert.Equal(PayloadFormat.V1, request.Format);
        Assert.Equal("fd1666d8-260b-4c1c-a5b6-466d4b42bd77", request.CallerSubject);
        Assert.Equal("jane", request.Claims["cognito:username"]);
        Assert.Equal("false", request.Claims["email_verified"]);
        Assert.Empty(request.Scopes);
    }

    [Fact]
    public void HttpApiJwtAuthorizerWithPayloadV1_NullScopes_GiveEmptyScopes()
    {
        var request = EventJson.Parse(AuthorizerSamples.HttpApiJwtPayloadV1(EventJson.NewRequestId()));

        Assert.Equal("auth0|5fe435b5cbbc85006b071eba", request.CallerSubject);
        Assert.Equal("get:data products/write", request.Claims["scope"]);
        Assert.Empty(request.Scopes);
    }

    [Fact]
    public void NoAuthorizer_GivesNoClaimsAndNoCaller()
    {
        var v2 = EventJson.Parse(EventSamples.HttpApiGetProduct(EventJson.NewRequestId(), Guid.NewGuid().ToString()));
        var v1 = EventJson.Parse(EventSamples.RestApiProxyPost(EventJson.NewRequestId()));

        Assert.Empty(v2.Claims);
        Assert.Empty(v2.Scopes);
        Assert.Null(v2.CallerSubject);
        Assert.Empty(v1.Claims);
        Assert.Null(v1.CallerSubject);
    }

    [Fact]
    public void LambdaAuthorizerContext_IsNotTakenForClaims()
    {
        var v2 = EventJson.With(
            AuthorizerSamples.HttpApiJwtPost(EventJson.NewRequestId()),
            root => root["requestContext"]!["authorizer"] = new JsonObject
            {
                ["lambda"] = new JsonObject { ["sub"] = "from-lambda", ["claims"] = "text" },
            });
        var v1 = EventJson.With(
            AuthorizerSamples.RestApiCognitoPost(EventJson.NewRequestId()),
            root => root["requestContext"]!["authorizer"] = new JsonObject
            {
                ["principalId"] = "user|a1",
                ["claims"] = "a context value that is not an object",
                ["scopes"] = 3,
                ["integrationLatency"] = 12,
            });

        var fromV2 = EventJson.Parse(v2);
        var fromV1 = EventJson.Parse(v1);

        Assert.Empty(fromV2.Claims);
        Assert.Null(fromV2.CallerSubject);
        Assert.Empty(fromV1.Claims);
        Assert.Empty(fromV1.Scopes);
        Assert.Null(fromV1.CallerSubject);
    }

    [Fact]
    public void NonStringClaimValues_AreKeptAsJsonText_AndNullsDropped()
    {
        var json = EventJson.With(
            AuthorizerSamples.HttpApiJwtPost(EventJson.NewRequestId()),
            root => root["requestContext"]!["authorizer"]!["jwt"] = new JsonObject
            {
                ["claims"] = new JsonObject
                {
                    ["sub"] = "abc",
                    ["exp"] = 1733303600,
                    ["admin"] = true,
                    ["groups"] = new JsonArray("a", "b"),
                    ["nickname"] = null,
                },
                ["scopes"] = new JsonArray("products/write", 7, "", "openid"),
            });

        var request = EventJson.Parse(json);

        Assert.Equal("1733303600", request.Claims["exp"]);
        Assert.Equal("true", request.Claims["admin"]);
        Assert.Equal("[\"a\",\"b\"]", request.Claims["groups"]);
        Assert.False(request.Claims.ContainsKey("nickname"));
        Assert.Equal(["products/write", "openid"], request.Scopes);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void EmptyOrMissingSubject_GivesNoCaller(string? subject)
    {
        var json = EventJson.With(
            AuthorizerSamples.HttpApiJwtPost(EventJson.NewRequestId()),
            root =>
            {
                var claims = root["requestContext"]!["authorizer"]!["jwt"]!["claims"]!.AsObject();
                claims.Remove("sub");
                if (subject is not null)
                {
                    claims["sub"] = subject;
                }
            });

        var request = EventJson.Parse(json);

        Assert.Null(request.CallerSubject);
        Assert.Equal("access", request.Claims["token_use"]);
    }
}
