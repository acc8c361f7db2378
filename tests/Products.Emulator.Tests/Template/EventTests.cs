using Products.Emulator.Template;

namespace Products.Emulator.Tests.Template;

public sealed class EventTests
{
    private static string FunctionWithEvents(string events, string extraResources = "") => InlineTemplate.Header + """
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fn/
              Handler: Fn
              Runtime: dotnet10
              Events:

        """ + events + "\n" + extraResources;

    [Fact]
    public void HttpApiEvent_WithoutApiId_GoesToTheImplicitServerlessHttpApi()
    {
        var template = InlineTemplate.Load(FunctionWithEvents("""
                    List:
                      Type: HttpApi
                      Properties:
                        Path: /items
                        Method: get
            """));

        var route = Assert.Single(template.Function("Fn").Events);
        Assert.Equal(new ApiRoute("List", ApiKind.HttpApi, "GET", "/items", "ServerlessHttpApi", "2.0", null), route);
        var api = Assert.Single(template.HttpApis);
        Assert.Equal(new HttpApiDefinition("ServerlessHttpApi", "$default", null, IsImplicit: true), api);
    }

    [Fact]
    public void HttpApiEvent_PayloadFormatVersion_CanBeOneDotZero()
    {
        var template = InlineTemplate.Load(FunctionWithEvents("""
                    List:
                      Type: HttpApi
                      Properties:
                        Path: /items
                        Method: ANY
                        PayloadFormatVersion: "1.0"
                        TimeoutInMillis: 5000
            """));

        var route = Assert.Single(template.Function("Fn").Events);
        Assert.Equal("1.0", route.PayloadFormatVersion);
        Assert.Equal("ANY", route.Method);
        Assert.Equal(5000, route.TimeoutInMillis);
    }

    [Fact]
    public void HttpApiEvent_WithoutPathAndMethod_IsTheDefaultRoute()
    {
        var template = InlineTemplate.Load(FunctionWithEvents("""
                    CatchAll:
                      Type: HttpApi
            """));

        var route = Assert.Single(template.Function("Fn").Events);
        Assert.Equal(("ANY", ApiRoute.DefaultRoutePath), (route.Method, route.Path));
    }

    [Fact]
    public void ApiEvent_IsRestWithPayloadOneDotZero()
    {
        var template = InlineTemplate.Load(FunctionWithEvents(
            """
                    Get:
                      Type: Api
                      Properties:
                        Path: /items/{id}
                        Method: GET
                        RestApiId: !Ref Rest
                    Implicit:
                      Type: Api
                      Properties:
                        Path: /other/{proxy+}
                        Method: post
            """,
            """
              Rest:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: v1
                  Cors:
                    AllowOrigin: "'https://app.example'"
                    AllowMethods: "'GET,POST'"
                    MaxAge: "'300'"
            """));

        var routes = template.Function("Fn").Events;
        Assert.Equal(new ApiRoute("Get", ApiKind.Api, "GET", "/items/{id}", "Rest", "1.0", null), routes[0]);
        Assert.Equal(new ApiRoute("Implicit", ApiKind.Api, "POST", "/other/{proxy+}", "ServerlessRestApi", "1.0", null), routes[1]);
        var rest = template.RestApis.Single(api => api.LogicalId == "Rest");
        Assert.Equal("v1", rest.StageName);
        Assert.Equal(["https://app.example"], rest.Cors!.AllowOrigins);
        Assert.Equal(["GET", "POST"], rest.Cors.AllowMethods);
        Assert.Equal(300, rest.Cors.MaxAge);
        Assert.Equal("Prod", template.RestApis.Single(api => api.IsImplicit).StageName);
    }

    [Fact]
    public void UnsupportedEventType_FailsNamingTheEvent()
    {
        var error = InlineTemplate.LoadFails(FunctionWithEvents("""
                    Queue:
                      Type: SQS
                      Properties:
                        Queue: arn:aws:sqs:us-east-1:123456789012:q
            """));

        Assert.Equal(
            "Resources.Fn.Properties.Events.Queue.Type: event type 'SQS' is not supported by the local emulator",
            error.Message);
    }

    [Fact]
    public void ApiId_NotARefToAnHttpApi_Fails()
    {
        var error = InlineTemplate.LoadFails(FunctionWithEvents("""
                    List:
                      Type: HttpApi
                      Properties:
                        ApiId: some-api-id
                        Path: /items
                        Method: GET
            """));

        Assert.Equal("Resources.Fn.Properties.Events.List.Properties.ApiId", error.Path);
    }

    [Fact]
    public void DuplicateRoute_Fails()
    {
        var error = InlineTemplate.LoadFails(FunctionWithEvents("""
                    One:
                      Type: HttpApi
                      Properties: {Path: /items, Method: GET}
                    Two:
                      Type: HttpApi
                      Properties: {Path: /items, Method: get}
            """));

        Assert.Contains("route 'GET /items' on ServerlessHttpApi is also declared by Fn.One", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("items", "GET", "", "must start with '/'")]
    [InlineData("/items/{id", "GET", "", "is not a valid path parameter")]
    [InlineData("/{proxy+}/x", "GET", "", "is not a valid path parameter")]
    [InlineData("/items", "FETCH", "", "'FETCH' is not an HTTP method")]
    [InlineData("/items", "GET", "Auth: {Authorizer: MyJwt}", "'MyJwt' is not one of ServerlessHttpApi's Auth.Authorizers")]
    [InlineData("/items", "GET", "PayloadFormatVersion: \"3.0\"", "'3.0' is not 1.0 or 2.0")]
    public void InvalidHttpApiEvent_Fails(string path, string method, string extra, string expected)
    {
        var error = InlineTemplate.LoadFails(FunctionWithEvents($$"""
                    Bad:
                      Type: HttpApi
                      Properties:
                        Path: "{{path}}"
                        Method: {{method}}
                        {{extra}}
            """));

        Assert.StartsWith("Resources.Fn.Properties.Events.Bad.Properties", error.Path, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HttpApi_WithOpenApiDefinition_IsRefused()
    {
        var error = InlineTemplate.LoadFails(FunctionWithEvents(
            """
                    List:
                      Type: HttpApi
                      Properties: {ApiId: !Ref Api, Path: /items, Method: GET}
            """,
            """
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  DefinitionUri: openapi.yaml
            """));

        Assert.Equal("Resources.Api.Properties.DefinitionUri", error.Path);
    }

    [Fact]
    public void HttpApi_CorsTrue_AllowsEveryOrigin()
    {
        var template = InlineTemplate.Load(FunctionWithEvents(
            """
                    List:
                      Type: HttpApi
                      Properties: {ApiId: !Ref Api, Path: /items, Method: GET}
            """,
            """
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  CorsConfiguration: true
            """));

        var api = Assert.Single(template.HttpApis);
        Assert.Equal(["*"], api.Cors!.AllowOrigins);
        Assert.Equal("$default", api.StageName);
    }
}
