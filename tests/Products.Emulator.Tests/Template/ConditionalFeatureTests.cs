using Products.Emulator.Template;

namespace Products.Emulator.Tests.Template;

/// <summary>The shapes template.yaml is expected to grow into: per-stage switches made of Conditions, Fn::If and AWS::NoValue.</summary>
public sealed class ConditionalFeatureTests
{
    private const string Template = InlineTemplate.Header + """
        Parameters:
          Stage:
            Type: String
            Default: dev
            AllowedValues: [dev, staging, prod]
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
          IsStaging: !Equals [!Ref Stage, staging]
        Globals:
          Function:
            Runtime: dotnet10
            AutoPublishAlias: live
            SnapStart: !If [IsProd, {ApplyOn: PublishedVersions}, !Ref AWS::NoValue]
            ProvisionedConcurrencyConfig: !If
              - IsStaging
              - ProvisionedConcurrentExecutions: 2
              - !Ref AWS::NoValue
        Resources:
          ListFunction:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: !Sub "products-${Stage}-list"
              CodeUri: list/
              Handler: List
              ReservedConcurrentExecutions: !If [IsProd, 50, !Ref AWS::NoValue]
              LoggingConfig:
                LogFormat: JSON
                LogGroup: !Ref ListLogs
              Environment:
                Variables:
                  SELF_ALIAS: !Ref ListFunction.Alias
          ListLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              LogGroupName: !Sub "/aws/lambda/${ListFunction}"
              RetentionInDays: !If [IsProd, 90, 7]
        Outputs:
          ProdOnly:
            Condition: IsProd
            Value: !GetAtt ListFunction.Arn
        """;

    private static LocalTemplate Load(string stage) =>
        InlineTemplate.Load(Template, new TemplateLoadOptions { ParameterOverrides = new Dictionary<string, string> { ["Stage"] = stage } });

    [Fact]
    public void Load_Dev_DropsProdOnlyProperties()
    {
        var template = Load("dev");

        var function = template.Function("ListFunction");
        Assert.False(function.Properties.ContainsKey("SnapStart"));
        Assert.False(function.Properties.ContainsKey("ProvisionedConcurrencyConfig"));
        Assert.Null(function.ReservedConcurrency);
        Assert.Empty(template.Outputs);
    }

    [Fact]
    public void Load_Prod_KeepsProdOnlyProperties()
    {
        var template = Load("prod");

        var function = template.Function("ListFunction");
        Assert.Equal("""{"ApplyOn":"PublishedVersions"}""", function.Properties["SnapStart"]!.ToJson());
        Assert.True(function.SnapStart);
        Assert.Null(function.ProvisionedConcurrency);
        Assert.Equal("live", function.PublishedAlias);
        Assert.Equal(50, function.ReservedConcurrency);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:products-prod-list", template.Outputs["ProdOnly"]);
    }

    [Fact]
    public void Load_Staging_KeepsProvisionedConcurrencyAndWarnsItIsNotEmulated()
    {
        var template = Load("staging");

        var function = template.Function("ListFunction");
        Assert.Equal("""{"ProvisionedConcurrentExecutions":2}""", function.Properties["ProvisionedConcurrencyConfig"]!.ToJson());
        Assert.Equal(2, function.ProvisionedConcurrency);
        Assert.False(function.SnapStart);
        Assert.Contains(template.Warnings, warning => warning.Contains("ProvisionedConcurrencyConfig", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_LogGroupNamedAfterFunction_IsTheFunctionsLogGroup()
    {
        var function = Load("dev").Function("ListFunction");

        Assert.Equal("/aws/lambda/products-dev-list", function.LogGroupName);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:products-dev-list:live", function.Environment["SELF_ALIAS"]);
    }

    [Fact]
    public void Load_NameDependingOnItself_Fails()
    {
        var error = InlineTemplate.LoadFails(InlineTemplate.Header + """
            Resources:
              A:
                Type: AWS::Logs::LogGroup
                Properties:
                  LogGroupName: !Sub "${B}-a"
              B:
                Type: AWS::Logs::LogGroup
                Properties:
                  LogGroupName: !Sub "${A}-b"
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: fn/
                  Handler: Fn
                  Runtime: dotnet10
                  LoggingConfig:
                    LogGroup: !Ref A
            """);

        Assert.Contains("circular", error.Message, StringComparison.Ordinal);
    }
}
