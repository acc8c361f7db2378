using Products.Emulator.Template;

namespace Products.Emulator.Tests.Template;

public sealed class ParameterOverridesTests
{
    [Fact]
    public void Parse_KeyValuePairs_SplitsOnSpaces()
    {
        var overrides = ParameterOverrides.Parse("Stage=prod LogLevel=DEBUG");

        Assert.Equal(new Dictionary<string, string> { ["Stage"] = "prod", ["LogLevel"] = "DEBUG" }, overrides);
    }

    [Fact]
    public void Parse_QuotedValues_KeepSpacesAndEscapes()
    {
        var overrides = ParameterOverrides.Parse("""  Greeting="hello world"  Path='/a b/c' Quote="say \"hi\" \\ ok" Empty="" """);

        Assert.Equal("hello world", overrides["Greeting"]);
        Assert.Equal("/a b/c", overrides["Path"]);
        Assert.Equal("""say "hi" \ ok""", overrides["Quote"]);
        Assert.Equal(string.Empty, overrides["Empty"]);
    }

    [Fact]
    public void Parse_CloudFormationForm_IsAccepted()
    {
        var overrides = ParameterOverrides.Parse("ParameterKey=Stage,ParameterValue=prod ParameterKey=Origins,ParameterValue=\"a,b\"");

        Assert.Equal("prod", overrides["Stage"]);
        Assert.Equal("a,b", overrides["Origins"]);
    }

    [Fact]
    public void Parse_ValueWithEqualsSign_KeepsTheRest()
    {
        Assert.Equal("a=b", ParameterOverrides.Parse("Filter=a=b")["Filter"]);
    }

    [Theory]
    [InlineData("Stage", "is not of the form Key=Value")]
    [InlineData("Stage=\"prod", "unterminated")]
    [InlineData("=prod", "is not a parameter name")]
    [InlineData("Stage=\"a\"b", "must be followed by a space")]
    public void Parse_Malformed_Fails(string text, string expected)
    {
        var error = Assert.Throws<TemplateException>(() => ParameterOverrides.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
