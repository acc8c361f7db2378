using Products.Emulator.Template;

namespace Products.Emulator.Tests.Template;

/// <summary>AutoPublishAlias, SnapStart and provisioned concurrency: read, and refused where AWS refuses them.</summary>
public sealed class FunctionVersioningTests
{
    private static string Function(string properties) => InlineTemplate.Header + """
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fn/
              Handler: Fn
              Runtime: dotnet10

        """ + properties;

    [Fact]
    public void Load_NoVersioningProperties_InvokesLatest()
    {
        var function = InlineTemplate.Load(Function("")).Function("Fn");

        Assert.Null(function.PublishedAlias);
        Assert.False(function.SnapStart);
        Assert.Null(function.ProvisionedConcurrency);
    }

    [Fact]
    public void Load_SnapStartOnPublishedVersions_IsReadAndWarned()
    {
        var template = InlineTemplate.Load(Function("""
                  AutoPublishAlias: live
                  SnapStart:
                    ApplyOn: PublishedVersions
            """));

        var function = template.Function("Fn");
        Assert.Equal("live", function.PublishedAlias);
        Assert.True(function.SnapStart);
        Assert.Contains(template.Warnings, warning => warning.Contains("Resources.Fn.Properties.SnapStart", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SnapStartApplyOnNone_IsOff()
    {
        var template = InlineTemplate.Load(Function("""
                  AutoPublishAlias: live
                  SnapStart:
                    ApplyOn: None
            """));

        Assert.False(template.Function("Fn").SnapStart);
        Assert.DoesNotContain(template.Warnings, warning => warning.Contains("SnapStart", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SnapStart:\n    ApplyOn: Always", "SnapStart.ApplyOn", "not PublishedVersions or None")]
    [InlineData("SnapStart:\n    ApplyOn: PublishedVersions", "SnapStart", "set AutoPublishAlias")]
    [InlineData("ProvisionedConcurrencyConfig:\n    ProvisionedConcurrentExecutions: 2", "ProvisionedConcurrencyConfig", "set AutoPublishAlias")]
    [InlineData("AutoPublishAlias: live\n  ProvisionedConcurrencyConfig:\n    ProvisionedConcurrentExecutions: 0", "ProvisionedConcurrentExecutions", "below 1")]
    [InlineData("AutoPublishAlias: live\n  ProvisionedConcurrencyConfig: {}", "ProvisionedConcurrencyConfig", "'ProvisionedConcurrentExecutions' is missing")]
    [InlineData("AutoPublishAlias: live\n  SnapStart:\n    ApplyOn: PublishedVersions\n  ProvisionedConcurrencyConfig:\n    ProvisionedConcurrentExecutions: 1", "SnapStart", "does not support provisioned concurrency")]
    [InlineData("AutoPublishAlias: \"1\"", "AutoPublishAlias", "not a Lambda alias name")]
    [InlineData("AutoPublishAlias: live.v2", "AutoPublishAlias", "not a Lambda alias name")]
    public void Load_VersioningAwsRefuses_FailsNamingTheProperty(string properties, string pathEnd, string problem)
    {
        var indented = "      " + properties.Replace("\n", "\n    ", StringComparison.Ordinal);

        var error = InlineTemplate.LoadFails(Function(indented));

        Assert.Contains("Resources.Fn.Properties.", error.Message, StringComparison.Ordinal);
        Assert.Contains(pathEnd, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
