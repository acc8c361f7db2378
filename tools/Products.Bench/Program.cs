using System.Diagnostics;
using Products.Bench;
using Products.Tooling;

var wallClock = Stopwatch.StartNew();
BenchOptions options;
try
{
    options = BenchOptions.Parse(args, RepositoryLayout.FindForCommand());
}
catch (Exception exception) when (exception is ArgumentException or DirectoryNotFoundException)
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

var markdown = await BenchCommand.RunAsync(
    options, line => Console.WriteLine($"[{wallClock.Elapsed:mm\\:ss}] {line}"), stop.Token);
Console.WriteLine(markdown);
Console.WriteLine(options.IdempotencyOnly
    ? $"wrote {Path.Combine(options.OutputDirectory, BenchCommand.IdempotencyReportFile)} in {wallClock.Elapsed.TotalMinutes:0.0} min"
    : $"wrote {Path.Combine(options.OutputDirectory, BenchCommand.ReportFile)} and {BenchCommand.ChartFile} in {wallClock.Elapsed.TotalMinutes:0.0} min");
return 0;
