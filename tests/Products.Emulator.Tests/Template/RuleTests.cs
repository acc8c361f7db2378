using Products.Emulator.Template;

namespace Products.Emulator.Tests.Template;

/// <summary>The Rules section is checked against the parameter values, as CloudFormation does before any change.</summary>
public sealed class RuleTests
{
    private const string Template = InlineTemplate.Header + """
        Parameters:
          Stage:
            Type: String
            Default: dev
          SnapStart:
            Type: String
            Default: "false"
          Provisioned:
            Type: Number
            Default: 0
        Rules:
          OneColdStartFeature:
            RuleCondition: !Equals [!Ref SnapStart, "true"]
            Assertions:
              - Assert: !Equals [!Ref Provisioned, "0"]
                AssertDescription: SnapStart and provisioned concurrency cannot both be on
          NoProdSnapStart:
            RuleCondition: !Equals [!Ref Stage, prod]
            Assertions:
              - Assert: !Not [!Equals [!Ref SnapStart, "true"]]
                AssertDescription: prod runs without SnapStart
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fn/
              Handler: Fn
              Runtime: dotnet10
        """;

    private static LocalTemplate Load(string overrides) =>
        InlineTemplate.Load(Template, new TemplateLoadOptions { ParameterOverrides = ParameterOverrides.Parse(overrides) });

    [Theory]
    [InlineData("")]
    [InlineData("SnapStart=true")]
    [InlineData("Provisioned=2")]
    [InlineData("Stage=prod")]
    [InlineData("Stage=prod Provisioned=2")]
    public void Load_ParametersThatSatisfyEveryRule_Loads(string overrides)
    {
        Assert.Single(Load(overrides).Functions);
    }

    [Theory]
    [InlineData("SnapStart=true Provisioned=2", "Rules.OneColdStartFeature.Assertions[0]", "SnapStart and provisioned concurrency cannot both be on")]
    [InlineData("Stage=prod SnapStart=true", "Rules.NoProdSnapStart.Assertions[0]", "prod runs without SnapStart")]
    public void Load_ParametersThatBreakARule_FailsWithItsDescription(string overrides, string path, string description)
    {
        var error = Assert.Throws<TemplateException>(() => Load(overrides));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(description, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RuleFunctionTemplateYamlDoesNotUse_IsRefusedByName()
    {
        var error = InlineTemplate.LoadFails(InlineTemplate.Header + """
            Parameters:
              Vpc:
                Type: String
                Default: vpc-1
            Rules:
              KnownVpc:
                Assertions:
                  - Assert:
                      Fn::Contains: [Fn::RefAll: AWS::EC2::VPC::Id, !Ref Vpc]
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: fn/
                  Handler: Fn
                  Runtime: dotnet10
            """);

        Assert.Contains("'Fn::Contains' is not a rule function the local emulator evaluates", error.Message, StringComparison.Ordinal);
    }
}
