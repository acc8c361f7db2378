using Products.Cost.Report;
using Xunit;
using Products.Tooling;

namespace Products.Cost.Tests;

/// <summary>docs/cost.md is what the tool computes now: regenerate it with `dotnet run --project tools/Products.Cost -- report`.</summary>
public sealed class CostDocTests
{
    [Fact]
    public async Task CostDoc_IsTheToolsOutputForTheCurrentDataFiles()
    {
        var committed = await File.ReadAllTextAsync(Path.Combine(RepositoryLayout.FindRoot(AppContext.BaseDirectory), "docs", CostReport.MarkdownFile));

        Assert.Equal(CostReport.Markdown(TestData.Calculator), committed.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_WritesTheDocAndAPng()
    {
        var output = Directory.CreateTempSubdirectory("products-cost-");
        try
        {
            var written = CostReport.Write(TestData.Calculator, output.FullName);

            Assert.Equal(2, written.Count);
            Assert.Equal(CostReport.Markdown(TestData.Calculator), File.ReadAllText(written[0]));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(written[1]).Take(4).ToArray());
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public void CheapestFor10Million_IsAnHttpApiConfiguration()
    {
        var ranked = CostScenarios.Ranked(TestData.Calculator, 10_000_000m, Model.CpuScaling.None);

        Assert.Equal(16, ranked.Count);
        Assert.All(ranked.Take(3), e => Assert.Equal(Pricing.ApiType.Http, e.Workload.Api));
        Assert.True(ranked.Zip(ranked.Skip(1)).All(p => p.First.TotalUsd <= p.Second.TotalUsd));
    }
}
