using Products.Emulator.Template;
using Products.Testing;

namespace Products.Emulator.Tests.Template;

/// <summary>What the real template.yaml changes per stage and per switch: log retention, throttling, SnapStart and provisioned concurrency.</summary>
public sealed class RealTemplateStageTests
{
    private static readonly string[] FunctionNames = ["ListProducts", "CreateProduct", "GetProduct"];

    private static LocalTemplate Load(string stage, string? overrides = null) => TemplateLoader.Load(
        RepositoryRoot.TemplatePath,
        new TemplateLoadOptions
        {
            Stage = stage,
            ParameterOverrides = ParameterOverrides.Parse(overrides ?? string.Empty),
        });

    [Theory]
    [InlineData("dev", 7, 40, 20)]
    [InlineData("staging", 30, 200, 100)]
    [InlineData("prod", 90, 1000, 500)]
    public void Load_Stage_SetsLogRetentionAndThrottling(string stage, int retentionDays, int burst, double rate)
    {
        var template = Load(stage);

        foreach (var name in FunctionNames)
        {
            var function = template.Function(name + "Function");
            var logGroup = template.Resources.Single(resource => resource.LogicalId == name + "LogGroup");
            Assert.Equal("AWS::Logs::LogGroup", logGroup.Type);
            Assert.Equal($"/aws/lambda/{function.FunctionName}", Assert.IsType<TemplateScalar>(logGroup.Properties["LogGroupName"]).Text);
            Assert.Equal(TemplateScalar.Number(retentionDays), logGroup.Properties["RetentionInDays"]);
            Assert.Equal($"/aws/lambda/{function.FunctionName}", function.LogGroupName);
            Assert.Equal("JSON", function.LogFormat);
        }

        Assert.Equal(new ThrottleSettings(burst, rate), template.HttpApis.Single().DefaultThrottling);
    }

    [Fact]
    public void Load_Defaults_PublishLiveAliasWithoutSnapStartOrProvisionedConcurrency()
    {
        var template = Load("prod");

        foreach (var function in template.Functions)
        {
            Assert.Equal("live", function.PublishedAlias);
            Assert.False(function.SnapStart);
            Assert.Null(function.ProvisionedConcurrency);
            Assert.False(function.Properties.ContainsKey("ProvisionedConcurrencyConfig"));
            Assert.Equal("""{"ApplyOn":"None"}""", function.Properties["SnapStart"]!.ToJson());
        }

        Assert.DoesNotContain(template.Warnings, warning => warning.Contains("SnapStart", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_Switches_TurnSnapStartAndProvisionedConcurrencyOnPerFunction()
    {
        var template = Load("staging", "GetProductSnapStart=true ListProductsProvisionedConcurrency=3");

        Assert.True(template.Function("GetProductFunction").SnapStart);
        Assert.Null(template.Function("GetProductFunction").ProvisionedConcurrency);
        Assert.Equal(3, template.Function("ListProductsFunction").ProvisionedConcurrency);
        Assert.False(template.Function("ListProductsFunction").SnapStart);
        Assert.False(template.Function("CreateProductFunction").SnapStart);
        Assert.Null(template.Function("CreateProductFunction").ProvisionedConcurrency);
        Assert.Contains(template.Warnings, warning => warning.Contains("GetProductFunction.Properties.SnapStart", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SnapStartAndProvisionedConcurrencyOnOneFunction_Fails()
    {
        var error = Assert.Throws<TemplateException>(() => Load("dev", "CreateProductSnapStart=true CreateProductProvisionedConcurrency=1"));

        Assert.Contains("CreateProductFunction", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not support provisioned concurrency", error.Message, StringComparison.Ordinal);
    }
}
