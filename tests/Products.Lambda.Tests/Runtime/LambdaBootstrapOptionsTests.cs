using Products.Lambda.Environment;
using Products.Lambda.Runtime;

namespace Products.Lambda.Tests.Runtime;

public sealed class LambdaBootstrapOptionsTests
{
    [Fact]
    public void FromEnvironment_LambdaVariables_ReadsEndpointAndFunction()
    {
        var environment = new DictionaryEnvironment(new Dictionary<string, string>
        {
            [EnvironmentVariableNames.RuntimeApi] = "127.0.0.1:9001",
            [EnvironmentVariableNames.FunctionName] = "products-get",
            [EnvironmentVariableNames.FunctionMemorySize] = "256",
        });

        var options = LambdaBootstrapOptions.FromEnvironment(environment);

        Assert.Equal("127.0.0.1:9001", options.RuntimeApi);
        Assert.Equal("products-get", options.Function.FunctionName);
        Assert.Equal(256, options.Function.MemoryLimitInMb);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.DeadlineSafetyMargin);
        Assert.Same(TimeProvider.System, options.Time);
        Assert.Null(options.HttpHandler);
    }

    [Fact]
    public void FromEnvironment_NoRuntimeApi_LeavesItNull()
    {
        var options = LambdaBootstrapOptions.FromEnvironment(
            new DictionaryEnvironment(new Dictionary<string, string>()));

        Assert.Null(options.RuntimeApi);
    }
}
