using Products.Lambda.Environment;
using Products.Lambda.Runtime;

namespace Products.Lambda.Tests.Runtime;

public sealed class LambdaFunctionInfoTests
{
    [Fact]
    public void FromEnvironment_AllVariablesSet_ReadsThem()
    {
        var environment = new DictionaryEnvironment(new Dictionary<string, string>
        {
            [EnvironmentVariableNames.FunctionName] = "products-list",
            [EnvironmentVariableNames.FunctionVersion] = "12",
            [EnvironmentVariableNames.FunctionMemorySize] = "1024",
            [EnvironmentVariableNames.LogGroupName] = "/aws/lambda/products-list",
            [EnvironmentVariableNames.LogStreamName] = "2026/01/15/[12]abc",
        });

        var info = LambdaFunctionInfo.FromEnvironment(environment);

        Assert.Equal(
            new LambdaFunctionInfo("products-list", "12", 1024, "/aws/lambda/products-list", "2026/01/15/[12]abc"),
            info);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("lots")]
    [InlineData("-128")]
    public void FromEnvironment_OnlyNameSet_UsesDocumentedDefaults(string? memory)
    {
        var values = new Dictionary<string, string> { [EnvironmentVariableNames.FunctionName] = "f" };
        if (memory is not null)
        {
            values[EnvironmentVariableNames.FunctionMemorySize] = memory;
        }

        var info = LambdaFunctionInfo.FromEnvironment(new DictionaryEnvironment(values));

        Assert.Equal(new LambdaFunctionInfo("f", "$LATEST", 0, null, null), info);
    }

    [Fact]
    public void FromEnvironment_NameMissing_IsEmptyForTheBootstrapToRefuse()
    {
        var info = LambdaFunctionInfo.FromEnvironment(new DictionaryEnvironment(new Dictionary<string, string>()));

        Assert.Equal(string.Empty, info.FunctionName);
    }
}
