using Products.Emulator.Template;

namespace Products.Emulator.Tests.Template;

/// <summary>JWT authorizers of an HttpApi (SAM's HttpApiAuth / OAuth2Authorizer) and which routes they guard.</summary>
public sealed class HttpApiAuthTests
{
    private static string Template(string auth, string events, string extraResources = "") => InlineTemplate.Header + $$"""
        Resources:
          Api:
            Type: AWS::Serverless::HttpApi
            Properties:
              Auth:
        {{auth}}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fn/
              Handler: Fn
              Runtime: dotnet10
              Events:
        {{events}}
        {{extraResources}}
        """;

    private const string JwtAuthorizer = """
                DefaultAuthorizer: Jwt
                Authorizers:
                  Jwt:
                    IdentitySource: $request.header.X-Token
                    AuthorizationScopes: [items/read]
                    JwtConfiguration:
                      Issuer: https://issuer.example.com/
                      audience: [api-one, api-two]
        """;

    private const string ThreeRoutes = """
                  Read:
                    Type: HttpApi
                    Properties: {ApiId: !Ref Api, Path: /items, Method: GET}
                  Write:
                    Type: HttpApi
                    Properties:
                      ApiId: !Ref Api
                      Path: /items
                      Method: POST
                      Auth: {Authorizer: Jwt, AuthorizationScopes: [items/write]}
                  Open:
                    Type: HttpApi
                    Properties:
                      ApiId: !Ref Api
                      Path: /health
                      Method: GET
                      Auth: {Authorizer: NONE}
        """;

    [Fact]
    public void JwtAuthorizer_IsRead_WithIssuerAndAudienceInEitherCase()
    {
        var template = InlineTemplate.Load(Template(JwtAuthorizer, ThreeRoutes));

        var api = Assert.Single(template.HttpApis);
        var authorizer = Assert.Single(api.Authorizers.Values);
        Assert.Equal("Jwt", api.DefaultAuthorizer);
        Assert.Equal("Jwt", authorizer.Name);
        Assert.Equal("X-Token", authorizer.IdentityHeader);
        Assert.Equal("https://issuer.example.com/", authorizer.Issuer);
        Assert.Equal(["api-one", "api-two"], authorizer.Audiences);
        Assert.Equal(["items/read"], authorizer.AuthorizationScopes);
    }

    [Fact]
    public void Routes_TakeTheDefaultAuthorizer_TheirOwnScopes_OrNone()
    {
        var template = InlineTemplate.Load(Template(JwtAuthorizer, ThreeRoutes));
        var api = Assert.Single(template.HttpApis);
        var routes = template.Function("Fn").Events.ToDictionary(route => route.EventName);

        var read = Assert.IsType<RouteAuthorization>(api.AuthorizationOf(routes["Read"]));
        var write = Assert.IsType<RouteAuthorization>(api.AuthorizationOf(routes["Write"]));

        Assert.Equal(["items/read"], read.Scopes);
        Assert.Equal(["items/write"], write.Scopes);
        Assert.Null(api.AuthorizationOf(routes["Open"]));
    }

    [Fact]
    public void Cognito_Resources_AreAccepted_AndListedAsNotEmulated()
    {
        var template = InlineTemplate.Load(Template(JwtAuthorizer, ThreeRoutes, """
          Pool:
            Type: AWS::Cognito::UserPool
          Client:
            Type: AWS::Cognito::UserPoolClient
            Properties: {UserPoolId: !Ref Pool}
        """));

        Assert.Contains(template.NotEmulated, resource => resource.Type == "AWS::Cognito::UserPool");
        Assert.Contains(template.NotEmulated, resource => resource.Type == "AWS::Cognito::UserPoolClient");
    }

    [Theory]
    [InlineData("""
                Authorizers:
                  Lambda:
                    FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:auth
        """, "Lambda authorizers are not emulated")]
    [InlineData("""
                Authorizers:
                  Jwt:
                    IdentitySource: $request.querystring.token
                    JwtConfiguration: {issuer: "https://i.example.com/", audience: [a]}
        """, "is not emulated locally")]
    [InlineData("""
                Authorizers:
                  Jwt:
                    JwtConfiguration: {audience: [a]}
        """, "the issuer is missing")]
    [InlineData("""
                Authorizers:
                  Jwt:
                    JwtConfiguration: {issuer: "https://i.example.com/"}
        """, "the audience is missing")]
    [InlineData("""
                DefaultAuthorizer: Other
                Authorizers:
                  Jwt:
                    JwtConfiguration: {issuer: "https://i.example.com/", audience: [a]}
        """, "'Other' is not one of Auth.Authorizers")]
    [InlineData("""
                EnableIamAuthorizer: true
        """, "IAM authorization is not emulated")]
    public void UnemulatedOrIncompleteAuth_IsRefused(string auth, string expected)
    {
        var error = InlineTemplate.LoadFails(Template(auth, """
                  Read:
                    Type: HttpApi
                    Properties: {ApiId: !Ref Api, Path: /items, Method: GET}
        """));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
