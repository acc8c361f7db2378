using Products.Emulator.Template;

namespace Products.Emulator.Tests.Template;

public sealed class ParameterTests
{
    private const string Declarations = """
        Parameters:
          Stage:
            Type: String
            Default: dev
            AllowedValues: [dev, staging, prod]
          Origins:
            Type: CommaDelimitedList
            Default: "http://localhost:3000, https://app.example"
          Size:
            Type: Number
            Default: 5
            MinValue: 1
            MaxValue: 10
          Code:
            Type: String
            Default: ab12
            AllowedPattern: "[a-z]+[0-9]+"
            ConstraintDescription: letters then digits
          Required:
            Type: String
        """;

    private static LocalTemplate Load(IReadOnlyDictionary<string, string> overrides) =>
        InlineTemplate.Load(
            InlineTemplate.WithVariables(Declarations, "          STAGE: !Ref Stage\n          ORIGINS: !Join [\"|\", !Ref Origins]"),
            new TemplateLoadOptions { ParameterOverrides = overrides });

    private static Dictionary<string, string> Given(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    [Fact]
    public void Load_Defaults_AreUsedAndTyped()
    {
        var template = Load(Given(("Required", "x")));

        Assert.Equal("dev", template.Parameters["Stage"].Value);
        Assert.Equal(ParameterSource.Default, template.Parameters["Stage"].Source);
        Assert.Equal(ParameterSource.Override, template.Parameters["Required"].Source);
        Assert.Equal("5", template.Parameters["Size"].Value);
    }

    [Fact]
    public void Load_CommaDelimitedList_IsSplitAndTrimmed()
    {
        var template = Load(Given(("Required", "x")));

        var origins = template.Parameters["Origins"];
        Assert.True(origins.IsList);
        Assert.Equal(["http://localhost:3000", "https://app.example"], origins.Items);
        Assert.Equal("http://localhost:3000|https://app.example", template.Function("Fn").Environment["ORIGINS"]);
    }

    [Fact]
    public void Load_CommaDelimitedListOverride_ReplacesTheList()
    {
        var template = Load(Given(("Required", "x"), ("Origins", "https://one.example,https://two.example")));

        Assert.Equal("https://one.example|https://two.example", template.Function("Fn").Environment["ORIGINS"]);
    }

    [Fact]
    public void Load_ValueOutsideAllowedValues_FailsNamingParameterValueAndSource()
    {
        var error = Assert.Throws<TemplateException>(() => Load(Given(("Required", "x"), ("Stage", "qa"))));

        Assert.Equal(
            "Parameters.Stage: value 'qa' (from the parameter overrides) is not one of the AllowedValues [dev, staging, prod]",
            error.Message);
    }

    [Fact]
    public void Load_MissingValueWithoutDefault_Fails()
    {
        var error = Assert.Throws<TemplateException>(() => Load(Given()));

        Assert.Equal("Parameters.Required", error.Path);
        Assert.Contains("has no Default", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Size", "eleven", "is not a number")]
    [InlineData("Size", "11", "is above MaxValue 10")]
    [InlineData("Size", "0", "is below MinValue 1")]
    [InlineData("Code", "12ab", "does not match AllowedPattern '[a-z]+[0-9]+': letters then digits")]
    public void Load_ConstraintViolation_Fails(string name, string value, string expected)
    {
        var error = Assert.Throws<TemplateException>(() => Load(Given(("Required", "x"), (name, value))));

        Assert.Equal($"Parameters.{name}", error.Path);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OverrideForUndeclaredParameter_Fails()
    {
        var error = Assert.Throws<TemplateException>(() => Load(Given(("Required", "x"), ("Stgae", "prod"))));

        Assert.Contains("Stgae are not declared", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SsmParameterTypeWithoutOverride_Fails()
    {
        var yaml = InlineTemplate.WithVariables(
            """
            Parameters:
              Ami:
                Type: AWS::SSM::Parameter::Value<String>
                Default: /products/ami
            """,
            "          AMI: !Ref Ami");

        var error = InlineTemplate.LoadFails(yaml);

        Assert.Contains("give the value as a parameter override", error.Message, StringComparison.Ordinal);
    }
}
