using System.Diagnostics;
using Products.Emulator.Lambda;

namespace Products.Bench;

/// <summary>
/// Cold starts the way Lambda makes them: a new execution environment (process + Runtime API) per sample, one
/// invocation, then stop. Rounds go function by function with the variants in a new random order each time, so a
/// noisy moment on the machine hits every variant alike.
/// </summary>
internal sealed class ColdStartRunner(ExecutionEnvironmentOptions environmentOptions, QuietLogSink logs, Action<string> report)
{
    public async Task<Dictionary<BenchTarget, List<ColdStartSample>>> RunAsync(
        IReadOnlyList<BenchTarget> targets, int rounds, Random random, CancellationToken ct)
    {
        var samples = targets.ToDictionary(t => t, _ => new List<ColdStartSample>());
        // One discarded start of each first: the first process of a kind pays for the OS file cache.
        foreach (var target in targets)
        {
            await MeasureAsync(target, ct);
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var group in targets.GroupBy(t => t.Function))
            {
                foreach (var target in group.OrderBy(_ => random.Next()))
                {
                    samples[target].Add(await MeasureAsync(target, ct));
                }
            }

            if ((round + 1) % 5 == 0 || round + 1 == rounds)
            {
                report($"cold: {round + 1}/{rounds} rounds");
            }
        }

        return samples;
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
