using Products.Package;

namespace Products.Packaging.Tests;

public sealed class PackageReportTests
{
    [Theory]
    [InlineData(false, false, 64 * 1024, false)]
    [InlineData(false, false, 64 * 1024 + 1, true)]
    [InlineData(false, true, 5_000_000, false)]
    [InlineData(true, false, 5_000_000, false)]
    public void IsOverBudget_OnlyFunctionsPublishedAgainstTheLayer_AreHeldTo64KB(
        bool layer, bool fat, long bytes, bool expected)
    {
        var kind = layer ? BuildTargetKind.Layer : BuildTargetKind.Function;
        var result = new PackageResult("X", kind, fat, "/tmp/X.zip", bytes, Files: 3);

        Assert.Equal(expected, PackageReport.IsOverBudget(result));
    }

    [Fact]
    public void Write_FunctionOverBudget_ReturnsFalseAndSaysSo()
    {
        var output = new StringWriter();
        var results = new[]
        {
            new PackageResult("ProductsSharedLayer", BuildTargetKind.Layer, false, "/tmp/l.zip", 2_000_000, 9),
            new PackageResult("BigFunction", BuildTargetKind.Function, false, "/tmp/b.zip", 70_000, 3),
        };

        var withinBudget = PackageReport.Write(results, output);

        Assert.False(withinBudget);
        Assert.Contains("BigFunction is over the 64 KB budget", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("2,000,000", output.ToString(), StringComparison.Ordinal);
    }
}
