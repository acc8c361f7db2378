using Products.Emulator.Template;

namespace Products.Emulator.Tests.Template;

public sealed class SamConfigTests
{
    private const string Template = InlineTemplate.Header + """
        Parameters:
          Stage:
            Type: String
            Default: dev
          LogLevel:
            Type: String
            Default: INFO
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: !Sub "products-${Stage}"
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
              KeySchema: [{AttributeName: id, KeyType: HASH}]
        """;

    private const string SamConfig = """
        version = 0.1
        # comment line
        [default.deploy.parameters]
        stack_name = "products-default"
        parameter_overrides = "Stage=dev"

        [prod.global.parameters]
        region = "eu-west-1"   # trailing comment
        stack_name = "ignored-by-deploy"

        [prod.deploy.parameters]
        stack_name = "products-prod"
        confirm_changeset = true
        parameter_overrides = [
          "Stage=prod",
          "LogLevel=WARN",
        ]
        """;

    [Fact]
    public void Load_Stage_AppliesDeployTableOverGlobalTable()
    {
        var template = InlineTemplate.Load(Template, new TemplateLoadOptions { Stage = "prod" }, SamConfig);

        Assert.Equal("products-prod", template.StackName);
        Assert.Equal("eu-west-1", template.Region);
        Assert.Equal("products-prod", template.Table("Table").TableName);
        Assert.Equal("arn:aws:dynamodb:eu-west-1:123456789012:table/products-prod", template.Table("Table").TableArn);
        Assert.Equal("WARN", template.Parameters["LogLevel"].Value);
    }

    [Fact]
    public void Load_NoStage_UsesDefaultEnvironment()
    {
        var template = InlineTemplate.Load(Template, new TemplateLoadOptions(), SamConfig);

        Assert.Equal("products-default", template.StackName);
        Assert.Equal("us-east-1", template.Region);
    }

    [Fact]
    public void Load_OptionsWinOverSamConfig()
    {
        var options = new TemplateLoadOptions
        {
            Stage = "prod",
            Region = "us-west-2",
            StackName = "mine",
            ParameterOverrides = new Dictionary<string, string> { ["Stage"] = "staging" },
        };

        var template = InlineTemplate.Load(Template, options, SamConfig);

        Assert.Equal("mine", template.StackName);
        Assert.Equal("us-west-2", template.Region);
        Assert.Equal("products-staging", template.Table("Table").TableName);
        Assert.Equal("WARN", template.Parameters["LogLevel"].Value);
    }

    [Fact]
    public void Load_UnknownStage_ListsTheEnvironments()
    {
        var error = InlineTemplate.LoadFails(Template, new TemplateLoadOptions { Stage = "qa" }, SamConfig);

        Assert.Contains("no [qa.deploy.parameters]", error.Message, StringComparison.Ordinal);
        Assert.Contains("environments here: default, prod", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_StageWithoutSamConfig_Fails()
    {
        var error = InlineTemplate.LoadFails(Template, new TemplateLoadOptions { Stage = "prod" });

        Assert.Contains("stage 'prod' was asked for but the samconfig file does not exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[default.deploy.parameters]\nstack_name = products")]
    [InlineData("[default.deploy.parameters]\nstack_name = \"open")]
    public void Load_MalformedSamConfig_FailsNamingTheFile(string samConfig)
    {
        var error = InlineTemplate.LoadFails(Template, new TemplateLoadOptions(), samConfig);

        Assert.Equal("samconfig.toml", error.Path);
        Assert.Contains("not valid TOML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_StackNameNotAString_Fails()
    {
        var error = InlineTemplate.LoadFails(Template, new TemplateLoadOptions(), "[default.deploy.parameters]\nstack_name = 3");

        Assert.Equal("samconfig.toml [default.deploy.parameters].stack_name", error.Path);
    }
}
