using Products.Package;
using Products.Tooling;

namespace Products.Packaging.Tests;

public sealed class PackageOptionsTests
{
    private static readonly string Root = RepositoryLayout.FindRoot(AppContext.BaseDirectory);

    [Fact]
    public void TryParse_NoArguments_PackagesForX64IntoArtifactsPackage()
    {
        var parsed = PackageOptions.TryParse([], Root, out var options, out var error);

        Assert.True(parsed, error);
        Assert.Equal(Root, options!.RepositoryRoot);
        Assert.Equal(Path.Combine(Root, "artifacts", "package"), options.OutputDirectory);
        Assert.Equal("x86_64", options.Architecture);
        Assert.False(options.IncludeFat);
    }

    [Fact]
    public void TryParse_AllOptions_AreTaken()
    {
        var output = Path.Combine(Path.GetTempPath(), "products-out-" + Guid.NewGuid().ToString("N"));

        var parsed = PackageOptions.TryParse(
            ["--fat", "--architecture", "arm64", "--out", output, "--repository", Root], "/", out var options, out var error);

        Assert.True(parsed, error);
        Assert.True(options!.IncludeFat);
        Assert.Equal("arm64", options.Architecture);
        Assert.Equal(output, options.OutputDirectory);
    }

    [Theory]
    [InlineData("--architecture", "x64")]
    [InlineData("--unknown")]
    [InlineData("--out")]
    public void TryParse_BadArguments_FailsWithAMessage(params string[] args)
    {
        var parsed = PackageOptions.TryParse(args, Root, out var options, out var error);

        Assert.False(parsed);
        Assert.Null(options);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryParse_OutsideTheCheckout_FailsNamingTheRepositoryOption()
    {
        var parsed = PackageOptions.TryParse([], "/", out _, out var error);

        Assert.False(parsed);
        Assert.Contains("--repository", error, StringComparison.Ordinal);
    }
}
