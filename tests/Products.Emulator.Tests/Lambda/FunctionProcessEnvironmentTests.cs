using Products.Emulator.Lambda;

namespace Products.Emulator.Tests.Lambda;

public sealed class FunctionProcessEnvironmentTests
{
    private static readonly FunctionLaunchSpec Spec = new(
        "ListProducts",
        "products-dev-ListProducts",
        "ListProducts",
        "dotnet",
        ["exec", "/tmp/ListProducts.dll"],
        "/tmp",
        new Dictionary<string, string> { ["TABLE_NAME"] = "products", ["PATH"] = "/opt/bin:/usr/bin" },
        TimeSpan.FromSeconds(10),
        1024,
        "us-east-2");

    [Fact]
    public void Build_HostVariables_KeepsOnlyPathHomeAndDotnet()
    {
        var host = new Dictionary<string, string>
        {
            ["PATH"] = "/usr/bin",
            ["HOME"] = "/home/dev",
            ["DOTNET_ROOT"] = "/usr/share/dotnet",
            ["DOTNET_gcServer"] = "0",
            ["AWS_PROFILE"] = "production",
            ["AWS_ACCESS_KEY_ID"] = "AKIAREALKEY",
            ["SHELL"] = "/bin/bash",
        };

        var spec = Spec with { Environment = new Dictionary<string, string>() };

        var variables = FunctionProcessEnvironment.Build(spec, "127.0.0.1:9001", "s", host);

        Assert.Equal("/usr/bin", variables["PATH"]);
        Assert.Equal("/home/dev", variables["HOME"]);
        Assert.Equal("/usr/share/dotnet", variables["DOTNET_ROOT"]);
        Assert.Equal("0", variables["DOTNET_gcServer"]);
        Assert.False(variables.ContainsKey("AWS_PROFILE"));
        Assert.False(variables.ContainsKey("SHELL"));
        Assert.Equal(FunctionProcessEnvironment.AccessKeyId, variables["AWS_ACCESS_KEY_ID"]);
    }

    [Fact]
    public void Build_FunctionVariables_OverrideUnreservedOnes()
    {
        var variables = FunctionProcessEnvironment.Build(
            Spec, "127.0.0.1:9001", "s", new Dictionary<string, string> { ["PATH"] = "/usr/bin" });

        Assert.Equal("/opt/bin:/usr/bin", variables["PATH"]);
        Assert.Equal("products", variables["TABLE_NAME"]);
        Assert.Equal("en_US.UTF-8", variables["LANG"]);
    }

    [Fact]
    public void Build_Always_SetsLambdasDefinedVariables()
    {
        var variables = FunctionProcessEnvironment.Build(
            Spec, "127.0.0.1:9001", "2026/01/02/[$LATEST]abc", new Dictionary<string, string>());

        Assert.Equal("127.0.0.1:9001", variables["AWS_LAMBDA_RUNTIME_API"]);
        Assert.Equal("products-dev-ListProducts", variables["AWS_LAMBDA_FUNCTION_NAME"]);
        Assert.Equal("$LATEST", variables["AWS_LAMBDA_FUNCTION_VERSION"]);
        Assert.Equal("1024", variables["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"]);
        Assert.Equal("/aws/lambda/products-dev-ListProducts", variables["AWS_LAMBDA_LOG_GROUP_NAME"]);
        Assert.Equal("2026/01/02/[$LATEST]abc", variables["AWS_LAMBDA_LOG_STREAM_NAME"]);
        Assert.Equal("on-demand", variables["AWS_LAMBDA_INITIALIZATION_TYPE"]);
        Assert.Equal("us-east-2", variables["AWS_REGION"]);
        Assert.Equal("us-east-2", variables["AWS_DEFAULT_REGION"]);
        Assert.Equal("AWS_Lambda_dotnet10", variables["AWS_EXECUTION_ENV"]);
        Assert.Equal("ListProducts", variables["_HANDLER"]);
        Assert.Equal("/tmp", variables["LAMBDA_TASK_ROOT"]);
        Assert.Equal("UTC", variables["TZ"]);
    }

    [Fact]
    public void Build_SpecSneaksAReservedVariable_LambdasValueWins()
    {
        var spec = Spec with { Environment = new Dictionary<string, string> { ["AWS_REGION"] = "mars-1" } };

        var variables = FunctionProcessEnvironment.Build(spec, "127.0.0.1:9001", "s", new Dictionary<string, string>());

        Assert.Equal("us-east-2", variables["AWS_REGION"]);
    }
}
