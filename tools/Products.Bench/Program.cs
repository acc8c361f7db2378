using System.Diagnostics;
using Products.Bench;
using Products.Local.Lambda;

// Builds what is measured (layer + functions as SAM builds them, Native AOT builds, the Node peer), starts the
// emulator once, measures cold starts then warm latency, and writes docs/benchmarks.md + docs/benchmarks.png.
var wallClock = Stopwatch.StartNew();
BenchOptions options;
try
{
    options = BenchOptions.Parse(args, RepositoryRoot.Find());
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

void Report(string line) => Console.WriteLine($"[{wallClock.Elapsed:mm\\:ss}] {line}");

await using var setup = await BenchSetup.StartAsync(options, Report, stop.Token);
var logs = new QuietLogSink();
var environmentOptions = new ExecutionEnvironmentOptions
{
    LogSink = logs,
    InitTimeout = TimeSpan.FromSeconds(30),
    // The functions stop on SIGTERM; a short grace keeps the next sample from waiting on a dying process.
    ShutdownGrace = TimeSpan.FromMilliseconds(200),
};

Report($"measuring {setup.Targets.Count} function/variant pairs: {options.ColdStarts} cold starts each, then {options.WarmRequests} warm requests at each concurrency");
var cold = await new ColdStartRunner(environmentOptions, logs, Report).RunAsync(setup.Targets, options.ColdStarts, new Random(6), stop.Token);
var warm = await new WarmRunner(environmentOptions, logs, Report).RunAsync(setup.Targets, options.WarmRequests, stop.Token);
var results = setup.Targets.Select(t => TargetResult.From(t, cold[t], warm)).ToList();

Directory.CreateDirectory(options.OutputDirectory);
const string chartFile = "benchmarks.png";
ChartRenderer.Save(results, Path.Combine(options.OutputDirectory, chartFile));
var markdown = MarkdownReport.Render(results, options, MachineInfo.Read(), wallClock.Elapsed, chartFile);
var reportPath = Path.Combine(options.OutputDirectory, "benchmarks.md");
await File.WriteAllTextAsync(reportPath, markdown, stop.Token);
Console.WriteLine(markdown);
Report($"wrote {reportPath} and {chartFile} in {wallClock.Elapsed.TotalMinutes:0.0} min");
return 0;
