using Products.Emulator.Template;

namespace Products.Emulator.Tests.Template;

/// <summary>An HTTP API's DefaultRouteSettings throttling: read per stage, listed as not enforced locally.</summary>
public sealed class HttpApiThrottlingTests
{
    private static string Api(string apiProperties) => InlineTemplate.Header + """
        Mappings:
          StageSettings:
            dev:
              Burst: 40
        Resources:
          Api:
            Type: AWS::Serverless::HttpApi
            Properties:

        """ + apiProperties + """

          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fn/
              Handler: Fn
              Runtime: dotnet10
              Events:
                Get:
                  Type: HttpApi
                  Properties:
                    ApiId: !Ref Api
                    Path: /items
                    Method: GET
        """;

    [Fact]
    public void Load_DefaultRouteSettings_ReadsLimitsAndWarnsTheyAreNotEnforced()
    {
        var template = InlineTemplate.Load(Api("""
                  DefaultRouteSettings:
                    ThrottlingBurstLimit: !FindInMap [StageSettings, dev, Burst]
                    ThrottlingRateLimit: 12.5
            """));

        Assert.Equal(new ThrottleSettings(40, 12.5), template.HttpApis.Single().DefaultThrottling);
        Assert.Contains(template.Warnings, warning => warning.Contains("Resources.Api.Properties.DefaultRouteSettings", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_NoDefaultRouteSettings_HasNoThrottling()
    {
        var template = InlineTemplate.Load(Api("      StageName: dev"));

        Assert.Null(template.HttpApis.Single().DefaultThrottling);
        Assert.DoesNotContain(template.Warnings, warning => warning.Contains("throttling", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_NegativeBurst_Fails()
    {
        var error = InlineTemplate.LoadFails(Api("""
                  DefaultRouteSettings:
                    ThrottlingBurstLimit: -1
            """));

        Assert.Contains("DefaultRouteSettings", error.Message, StringComparison.Ordinal);
        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
    }
}
