using Products.Bench;
using Xunit;
using Products.Tooling;

namespace Products.Bench.Tests;

/// <summary>
/// The benchmark's --smoke run end to end (GetProduct, a few samples): every runner (cold, cross-check, timeline, warm,
/// memory) and every output (report, chart, JSON) for two variants: what ships (layered ReadyToRun, the build the
/// emulator tests build too) and the same build with a variable (<c>--r2r-with</c>, no build of its own). No timing is
/// asserted; speed is what the benchmark itself reports. The Native AOT and Node.js peer variants are left to the
/// benchmark's own runs (docs/benchmarks.md): their setup — a Native AOT build and an npm ci that compiles the Lambda
/// runtime client's native code — took most of this test's minutes and proves build recipes, not the benchmark.
/// </summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task SmokeRun_WritesTablesForEachVariantTheChartAndTheJson()
    {
        var output = Directory.CreateTempSubdirectory("products-bench-");
        try
        {
            var options = BenchOptions.Parse(
                ["--smoke", "--variants", Variant.LayeredReadyToRun.Id, "--r2r-with", "DOTNET_TieredPGO=0", "--output", output.FullName],
                RepositoryLayout.FindRoot(AppContext.BaseDirectory));
            Assert.Equal([Variant.LayeredReadyToRun.Id, "r2r+DOTNET_TieredPGO=0"], options.Variants.Select(variant => variant.Id));

            var markdown = await BenchCommand.RunAsync(options, _ => { }, CancellationToken.None);

            Assert.Equal(markdown, await File.ReadAllTextAsync(Path.Combine(output.FullName, BenchCommand.ReportFile)));
            foreach (var heading in new[]
                     {
                         "## Cold start", "## Cross-check", "## Where a .NET cold start's time goes", "## Warm latency",
                         "## Memory and package size", "ratio vs Node",
                     })
            {
                Assert.Contains(heading, markdown, StringComparison.Ordinal);
            }

            foreach (var variant in options.Variants)
            {
                // One row per table: cold, cross-check, warm, memory.
                var rows = markdown.Split('\n').Count(line => line.StartsWith($"| GetProduct | {variant.Label} |", StringComparison.Ordinal));
                Assert.Equal(4, rows);
            }

            Assert.DoesNotContain($"| GetProduct | {Variant.NativeAot.Label} |", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain($"| GetProduct | {Variant.Node.Label} |", markdown, StringComparison.Ordinal);

            Assert.DoesNotContain("NaN", markdown, StringComparison.Ordinal);
            // The startup timeline of both .NET variants reached the report: the host start and the SDK's HTTP handler.
            Assert.Contains("| init: host start (spawn → Main) |", markdown, StringComparison.Ordinal);
            Assert.Contains("HttpHandler", markdown, StringComparison.Ordinal);
            using (var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output.FullName, BenchJsonReport.File))))
            {
                var shipped = json.RootElement.GetProperty("results").EnumerateArray()
                    .Single(r => r.GetProperty("function").GetString() == "GetProduct" && r.GetProperty("variant").GetString() == Variant.LayeredReadyToRun.Label);
                Assert.True(shipped.GetProperty("coldInitMs").GetProperty("p50").GetDouble() > 0);
                Assert.True(shipped.GetProperty("warmMs").GetProperty("1").GetProperty("p50").GetDouble() > 0);
            }

            var chart = new FileInfo(Path.Combine(output.FullName, BenchCommand.ChartFile));
            Assert.True(chart.Length > 0);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await File.ReadAllBytesAsync(chart.FullName)).Take(4).ToArray());
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task IdempotencyRun_ReportsNoKeyNewKeyAndReplay_EveryRequestAnsweredWithSuccess()
    {
        var output = Directory.CreateTempSubdirectory("products-bench-");
        try
        {
            var options = BenchOptions.Parse(["--idempotency", "--requests", "5", "--output", output.FullName], RepositoryLayout.FindRoot(AppContext.BaseDirectory));

            // Any answer other than 2xx (a 409, 422 or 500 for a keyed create) fails the run itself.
            var markdown = await BenchCommand.RunAsync(options, _ => { }, CancellationToken.None);

            Assert.Equal(markdown, await File.ReadAllTextAsync(Path.Combine(output.FullName, BenchCommand.IdempotencyReportFile)));
            foreach (var kind in new[] { "no key", "new key", "replay" })
            {
                Assert.Single(markdown.Split('\n'), line => line.StartsWith($"| {kind} | ", StringComparison.Ordinal) && line.Contains("| 5 |", StringComparison.Ordinal));
            }

            Assert.DoesNotContain("NaN", markdown, StringComparison.Ordinal);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
