using Products.Emulator.Template;

namespace Products.Emulator.Tests.Template;

public sealed class GlobalsTests
{
    private const string Template = InlineTemplate.Header + """
        Parameters:
          Stage:
            Type: String
            Default: dev
        Globals:
          Function:
            Runtime: dotnet10
            Timeout: 10
            Layers:
              - !Ref GlobalLayer
            Environment:
              Variables:
                SHARED: from-globals
                OVERRIDDEN: from-globals
            Tags:
              team: products
        Resources:
          GlobalLayer:
            Type: AWS::Serverless::LayerVersion
            Properties:
              ContentUri: layers/global/
          OwnLayer:
            Type: AWS::Serverless::LayerVersion
            Properties:
              LayerName: own
              ContentUri: layers/own/
          Plain:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: plain/
              Handler: Plain
          Custom:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: custom/
              Handler: Custom
              Timeout: 30
              Layers:
                - !Ref OwnLayer
              Environment:
                Variables:
                  OVERRIDDEN: from-function
                  OWN: !Ref Stage
              Tags:
                owner: me
          Ignoring:
            Type: AWS::Serverless::Function
            IgnoreGlobals: [Layers, Timeout]
            Properties:
              CodeUri: ignoring/
              Handler: Ignoring
        """;

    [Fact]
    public void Merge_ScalarsMissingInFunction_ComeFromGlobals()
    {
        var plain = InlineTemplate.Load(Template).Function("Plain");

        Assert.Equal("dotnet10", plain.Runtime);
        Assert.Equal(10, plain.Timeout);
        Assert.Equal(["GlobalLayer"], plain.Layers);
        Assert.Equal("from-globals", plain.Environment["SHARED"]);
    }

    [Fact]
    public void Merge_FunctionScalar_WinsOverGlobals()
    {
        Assert.Equal(30, InlineTemplate.Load(Template).Function("Custom").Timeout);
    }

    [Fact]
    public void Merge_Lists_AreConcatenatedGlobalsFirst()
    {
        Assert.Equal(["GlobalLayer", "OwnLayer"], InlineTemplate.Load(Template).Function("Custom").Layers);
    }

    [Fact]
    public void Merge_Maps_MergeKeyByKeyWithFunctionWinning()
    {
        var custom = InlineTemplate.Load(Template).Function("Custom");

        Assert.Equal(
            new Dictionary<string, string> { ["SHARED"] = "from-globals", ["OVERRIDDEN"] = "from-function", ["OWN"] = "dev" },
            custom.Environment);
        Assert.Equal("""{"team":"products","owner":"me"}""", custom.Properties["Tags"]!.ToJson());
    }

    [Fact]
    public void Merge_IgnoreGlobals_SkipsTheNamedProperties()
    {
        var ignoring = InlineTemplate.Load(Template).Function("Ignoring");

        Assert.Empty(ignoring.Layers);
        Assert.Equal(FunctionDefinition.DefaultTimeoutSeconds, ignoring.Timeout);
        Assert.Equal("dotnet10", ignoring.Runtime);
    }

    [Fact]
    public void Load_WithoutGlobals_AppliesSamDefaults()
    {
        var function = InlineTemplate.Load(InlineTemplate.Header + """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: fn/
                  Handler: Fn
                  Runtime: dotnet10
            """).Function("Fn");

        Assert.Equal(3, function.Timeout);
        Assert.Equal(128, function.MemorySize);
        Assert.Equal(["x86_64"], function.Architectures);
        Assert.Equal("local-Fn-local", function.FunctionName);
        Assert.Equal("Text", function.LogFormat);
    }

    [Fact]
    public void Load_UnsupportedGlobalsProperty_Fails()
    {
        var error = InlineTemplate.LoadFails(InlineTemplate.Header + """
            Globals:
              Function:
                FunctionName: everyone
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: fn/
                  Handler: Fn
                  Runtime: dotnet10
            """);

        Assert.Equal("Globals.Function.FunctionName", error.Path);
    }

    [Fact]
    public void Merge_GlobalsHttpApiCors_AppliesToTheImplicitApi()
    {
        var template = InlineTemplate.Load(InlineTemplate.Header + """
            Globals:
              HttpApi:
                CorsConfiguration:
                  AllowOrigins: ["https://app.example"]
                  AllowCredentials: true
            Resources:
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
                        Path: /things
                        Method: get
            """);

        var api = Assert.Single(template.HttpApis);
        Assert.True(api.IsImplicit);
        Assert.Equal(["https://app.example"], api.Cors!.AllowOrigins);
        Assert.True(api.Cors.AllowCredentials);
    }
}
