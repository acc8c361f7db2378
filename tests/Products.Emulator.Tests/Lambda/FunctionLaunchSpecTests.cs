using Products.Emulator.Lambda;

namespace Products.Emulator.Tests.Lambda;

public sealed class FunctionLaunchSpecTests : IDisposable
{
    private readonly string _directory =
        Path.Combine(Path.GetTempPath(), "products-local-tests", Guid.NewGuid().ToString("N"));

    public FunctionLaunchSpecTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ForDotnetBuildOutput_DllPresent_RunsDotnetExec()
    {
        File.WriteAllText(Path.Combine(_directory, "GetProduct.dll"), "");
        File.WriteAllText(Path.Combine(_directory, "GetProduct"), "");

        var spec = Build();

        Assert.Equal("dotnet", spec.Command);
        Assert.Equal(["exec", Path.Combine(_directory, "GetProduct.dll")], spec.Arguments);
        Assert.Equal(_directory, spec.WorkingDirectory);
        Assert.Equal("GetProduct", spec.Handler);
        Assert.Equal("dotnet10", spec.Runtime);
    }

    [Fact]
    public void ForDotnetBuildOutput_OnlyNativeBinary_RunsTheBinary()
    {
        File.WriteAllText(Path.Combine(_directory, "GetProduct"), "");

        var spec = Build();

        Assert.Equal(Path.Combine(_directory, "GetProduct"), spec.Command);
        Assert.Empty(spec.Arguments);
    }

    [Fact]
    public void ForDotnetBuildOutput_NeitherPresent_ThrowsNamingBoth()
    {
        var error = Assert.Throws<FileNotFoundException>(Build);

        Assert.Contains("GetProduct.dll", error.Message, StringComparison.Ordinal);
        Assert.Contains("native executable GetProduct", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 512)]
    [InlineData(901, 512)]
    [InlineData(3, 64)]
    [InlineData(3, 20000)]
    public void Validate_OutsideLambdasRanges_Throws(int timeoutSeconds, int memory)
    {
        File.WriteAllText(Path.Combine(_directory, "GetProduct.dll"), "");
        var spec = Build() with { Timeout = TimeSpan.FromSeconds(timeoutSeconds), MemorySizeMb = memory };

        Assert.Throws<ArgumentException>(spec.Validate);
    }

    [Fact]
    public void Validate_MissingWorkingDirectory_Throws()
    {
        File.WriteAllText(Path.Combine(_directory, "GetProduct.dll"), "");
        var spec = Build() with { WorkingDirectory = Path.Combine(_directory, "missing") };

        var error = Assert.Throws<ArgumentException>(spec.Validate);

        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReservedVariables_ThrowsListingThem()
    {
        File.WriteAllText(Path.Combine(_directory, "GetProduct.dll"), "");
        var spec = Build() with
        {
            Environment = new Dictionary<string, string> { ["TZ"] = "Europe/Paris", ["_HANDLER"] = "x", ["OK"] = "1" },
        };

        var error = Assert.Throws<ArgumentException>(spec.Validate);

        Assert.Contains("Reserved keys used in this request: TZ, _HANDLER", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GoodSpec_DoesNotThrow()
    {
        File.WriteAllText(Path.Combine(_directory, "GetProduct.dll"), "");

        Build().Validate();
    }

    private FunctionLaunchSpec Build() =>
        FunctionLaunchSpec.ForDotnetBuildOutput(
            "GetProduct",
            "products-dev-GetProduct",
            "GetProduct",
            _directory,
            new Dictionary<string, string> { ["TABLE_NAME"] = "products" },
            TimeSpan.FromSeconds(10),
            512,
            "eu-west-1");
}
