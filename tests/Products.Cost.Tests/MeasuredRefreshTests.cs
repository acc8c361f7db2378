using Products.Cost.Model;
using Products.Cost.Refresh;
using Xunit;
using Products.Tooling;

namespace Products.Cost.Tests;

/// <summary>`refresh`: the benchmark's JSON becomes measured.json's durations, and nothing else changes.</summary>
public sealed class MeasuredRefreshTests
{
    private static BenchmarkRun Run(params BenchmarkResult[] results) =>
        new("dotnet run -c Release --project tools/Products.Bench", "2026-12-04 04:00 UTC", "test machine", 20, 2000, results);

    private static BenchmarkResult Result(string function, string variant, double init, double first, double warm) =>
        new(function, variant, new BenchmarkPercentiles(init), new BenchmarkPercentiles(first),
            new Dictionary<string, BenchmarkPercentiles> { ["1"] = new(warm), ["8"] = new(double.NaN) });

    [Fact]
    public void Apply_TakesTheShippedVariantsP50sWithTheRunsProvenance()
    {
        var run = Run(
            Result("ListProducts", "layered R2R", 100, 50, 3.333),
            Result("CreateProduct", "layered R2R", 110, 60, 4),
            Result("GetProduct", "layered R2R", 120, 70, 5),
            Result("GetProduct", "Native AOT", 9, 9, 9));

        var refreshed = MeasuredRefresh.Apply(TestData.Measured, run, "docs/benchmarks.json");

        Assert.Equal(new FunctionDurations(100, 50, 3.33), refreshed.DurationsOf(Operation.List));
        Assert.Equal(new FunctionDurations(120, 70, 5), refreshed.DurationsOf(Operation.Get));
        Assert.Equal("2026-12-04 04:00 UTC", refreshed.Durations.RunAt);
        Assert.Equal("test machine", refreshed.Durations.Machine);
        Assert.Equal("docs/benchmarks.json", refreshed.Durations.Source);
        Assert.Same(TestData.Measured.Items, refreshed.Items);
        Assert.Same(TestData.Measured.Logs, refreshed.Logs);
    }

    [Fact]
    public void Apply_RefusesARunWithoutTheShippedVariantOfEveryFunction()
    {
        var run = Run(Result("ListProducts", "layered R2R", 100, 50, 3), Result("CreateProduct", "Native AOT", 1, 1, 1));

        Assert.Throws<InvalidDataException>(() => MeasuredRefresh.Apply(TestData.Measured, run, "x.json"));
    }

    [Fact]
    public void MeasuredFile_IsWhatRefreshWrites_SoARefreshOnlyChangesTheFigures()
    {
        var path = Path.Combine(RepositoryLayout.FindRoot(AppContext.BaseDirectory), "tools", "Products.Cost", DataFiles.MeasuredFile);
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.Equal(text, MeasuredRefresh.Serialize(DataFiles.LoadMeasured(path)));
    }

    [Fact]
    public void MeasuredFile_DescribesItsDurationsTheWayRefreshDoes_FromTheCommittedBenchmarkRun()
    {
        var run = MeasuredRefresh.ReadRun(Path.Combine(RepositoryLayout.FindRoot(AppContext.BaseDirectory), "docs", MeasuredRefresh.BenchmarksFile));

        Assert.Equal(MeasuredRefresh.How(run.ColdStarts, run.WarmRequests), TestData.Measured.Durations.How);
    }
}
