using System.Diagnostics;
using Products.Emulator.Lambda;

namespace Products.Bench;

/// <summary>
/// One benchmark run: builds what is measured (layer + functions as SAM builds them, Native AOT builds, the Node
/// peer), starts the emulator once, measures cold starts then warm latency, writes benchmarks.md + benchmarks.png + benchmarks.json.
/// </summary>
public static class BenchCommand
{
    public const string ReportFile = "benchmarks.md";
    public const string ChartFile = "benchmarks.png";

    /// <summary>What <c>--idempotency</c> writes instead of the other reports.</summary>
    public const string IdempotencyReportFile = "benchmarks-idempotency.md";

    /// <returns>The Markdown report.</returns>
    public static async Task<string> RunAsync(BenchOptions options, Action<string> report, CancellationToken ct)
    {
        var wallClock = Stopwatch.StartNew();
        await using var setup = await BenchSetup.StartAsync(options, report, ct);
        var logs = new QuietLogSink();
        var environmentOptions = new ExecutionEnvironmentOptions
        {
            LogSink = logs,
            InitTimeout = TimeSpan.FromSeconds(30),
            // The functions stop on SIGTERM; a short grace keeps the next sample from waiting on a dying process.
            ShutdownGrace = TimeSpan.FromMilliseconds(200),
        };

        if (options.IdempotencyOnly)
        {
            var costs = await new IdempotencyCostRunner(environmentOptions, logs, report).RunAsync(setup.Targets.Single(), options.WarmRequests, ct);
            var text = IdempotencyCostRunner.Render(costs, options, MachineInfo.Read(), wallClock.Elapsed);
            Directory.CreateDirectory(options.OutputDirectory);
            await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, IdempotencyReportFile), text, ct);
            return text;
        }

        report($"measuring {setup.Targets.Count} function/variant pairs: {options.ColdStarts} cold starts each, then {options.WarmRequests} warm requests at each concurrency");
        var cold = await new ColdStartRunner(environmentOptions, logs, report).RunAsync(setup.Targets, options.ColdStarts, new Random(6), ct);
        var warm = await new WarmRunner(environmentOptions, logs, report).RunAsync(setup.Targets, options.WarmRequests, ct);
        var results = setup.Targets.Select(t => TargetResult.From(t, cold[t], warm)).ToList();

        Directory.CreateDirectory(options.OutputDirectory);
        ChartRenderer.Save(results, Path.Combine(options.OutputDirectory, ChartFile));
        var markdown = MarkdownReport.Render(results, options, MachineInfo.Read(), wallClock.Elapsed, ChartFile);
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, ReportFile), markdown, ct);
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, BenchJsonReport.File), BenchJsonReport.Render(results, options, MachineInfo.Read()), ct);
        return markdown;
    }
}
