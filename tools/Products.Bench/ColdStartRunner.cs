using System.Diagnostics;
using Products.Emulator.Lambda;

namespace Products.Bench;

/// <summary>
/// Cold starts the way Lambda makes them: a new execution environment (process + Runtime API) per sample, one
/// invocation, then stop. Rounds go function by function with the variants in a new random order each time, so a
/// noisy moment on the machine hits every variant alike. Each round also starts every target once under the minimal
/// Runtime API (<see cref="MinimalRuntimeApiRunner"/>), interleaved the same way: the cross-check of the emulator.
/// </summary>
internal sealed class ColdStartRunner(
    ExecutionEnvironmentOptions environmentOptions, MinimalRuntimeApiRunner minimal, QuietLogSink logs, Action<string> report)
{
    public async Task<ColdStartResults> RunAsync(
        IReadOnlyList<BenchTarget> targets, int rounds, Random random, CancellationToken ct)
    {
        var samples = targets.ToDictionary(t => t, _ => new List<ColdStartSample>());
        var crossCheck = targets.ToDictionary(t => t, _ => new List<ColdStartSample>());
        // One discarded start of each first: the first process of a kind pays for the OS file cache.
        foreach (var target in targets)
        {
            await MeasureAsync(target, ct);
            await minimal.MeasureAsync(target, ct);
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var group in targets.GroupBy(t => t.Function))
            {
                foreach (var (target, underMinimal) in group.SelectMany(t => new[] { (t, false), (t, true) }).OrderBy(_ => random.Next()))
                {
                    if (underMinimal)
                    {
                        crossCheck[target].Add(await minimal.MeasureAsync(target, ct));
                    }
                    else
                    {
                        samples[target].Add(await MeasureAsync(target, ct));
                    }
                }
            }

            if ((round + 1) % 5 == 0 || round + 1 == rounds)
            {
                report($"cold: {round + 1}/{rounds} rounds");
            }
        }

        return new ColdStartResults(samples, crossCheck);
    }

    private async Task<ColdStartSample> MeasureAsync(BenchTarget target, CancellationToken ct)
    {
        var start = await ExecutionEnvironment.StartAsync(target.Spec, environmentOptions, ct);
        if (start is not EnvironmentStart.Ready ready)
        {
            throw new InvalidOperationException(((EnvironmentStart.Failed)start).Message);
        }

        await using var environment = ready.Environment;
        var timer = Stopwatch.StartNew();
        var result = await environment.InvokeAsync(target.Event, ct);
        timer.Stop();
        ResponseCheck.Require(target, result, logs);
        var peak = ProcessMemory.PeakResidentBytes(environment.ProcessId);
        return new ColdStartSample(ready.SpawnToReady.TotalMilliseconds, timer.Elapsed.TotalMilliseconds, peak);
    }
}
