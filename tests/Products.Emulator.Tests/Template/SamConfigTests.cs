using Products.Emulator.Template;
using Products.Emulator.Template.Internal;

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

    [Fact]
    public void TomlReader_Values_AreTyped()
    {
        var tables = TomlReader.Read(
            """
            top = 'literal \n kept'
            [a."quoted.part".c]
            text = "tab\there \u00e9"
            flag = false
            count = 1_000
            ratio = 0.5
            list = ["x", 'y', 3]
            """,
            "test.toml");

        Assert.Equal(TemplateScalar.String("literal \\n kept"), tables[""]["top"]);
        var table = tables["a.quoted.part.c"];
        Assert.Equal(TemplateScalar.String("tab\there é"), table["text"]);
        Assert.Equal(new TemplateScalar("false", ScalarKind.Boolean), table["flag"]);
        Assert.Equal(new TemplateScalar("1000", ScalarKind.Number), table["count"]);
        Assert.Equal(new TemplateScalar("0.5", ScalarKind.Number), table["ratio"]);
        Assert.Equal("""["x","y",3]""", table["list"].ToJson());
    }

    [Theory]
    [InlineData("[[envs]]", "arrays of tables")]
    [InlineData("key = {a = 1}", "inline tables")]
    [InlineData("key = bare", "strings must be quoted")]
    [InlineData("key = \"open", "unterminated string")]
    [InlineData("a = 1\na = 2", "defined twice")]
    [InlineData("key = \"\"\"multi\"\"\"", "multi-line strings")]
    [InlineData("x = 1\n\nkey = \"a\" extra", "unexpected 'e'")]
    public void TomlReader_Unsupported_FailsWithLine(string text, string expected)
    {
        var error = Assert.Throws<TemplateException>(() => TomlReader.Read(text, "samconfig.toml"));

        Assert.StartsWith("samconfig.toml:", error.Path, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TomlReader_Error_ReportsTheRightLine()
    {
        var error = Assert.Throws<TemplateException>(() => TomlReader.Read("a = 1\n# c\n\nb = nope", "samconfig.toml"));

        Assert.Equal("samconfig.toml:4", error.Path);
    }
}
