using System.Diagnostics;
using Products.Emulator.Lambda;

namespace Products.Bench;

/// <summary>
/// Warm latency through the emulator's function pool (the path the local API Gateway takes): at each concurrency,
/// the requests go in blocks that rotate between the variants, so drift on the machine is shared by all of them.
/// </summary>
internal sealed class WarmRunner(ExecutionEnvironmentOptions environmentOptions, QuietLogSink logs, Action<string> report)
{
    public const int MaxConcurrency = 8;
    private const int BlockSize = 100;

    public static readonly IReadOnlyList<int> Concurrencies = [1, MaxConcurrency];

    public async Task<WarmResults> RunAsync(
        IReadOnlyList<BenchTarget> targets, int requests, CancellationToken ct)
    {
        var results = new WarmResults();
        foreach (var group in targets.GroupBy(t => t.Function))
        {
            var pools = group.ToDictionary(
                t => t,
                t => new FunctionPool(
                    t.Spec,
                    new FunctionPoolOptions
                    {
                        MaxEnvironments = MaxConcurrency,
                        IdleTimeout = TimeSpan.FromHours(1),
                        Environment = environmentOptions,
                    }));
            try
            {
                // Warm-up, not recorded: starts every environment the highest concurrency needs and lets the JIT settle.
                foreach (var (target, pool) in pools)
                {
                    await RunBlockAsync(target, pool, MaxConcurrency, Math.Min(requests, 20 * MaxConcurrency), null, ct);
                }

                foreach (var concurrency in Concurrencies)
                {
                    var blocks = (requests + BlockSize - 1) / BlockSize;
                    for (var block = 0; block < blocks; block++)
                    {
                        var count = Math.Min(BlockSize, requests - (block * BlockSize));
                        // Rotate who goes first.
                        var order = pools.Skip(block % pools.Count).Concat(pools.Take(block % pools.Count));
                        foreach (var (target, pool) in order)
                        {
                            await RunBlockAsync(target, pool, concurrency, count, results.For(target, concurrency), ct);
                        }
                    }

                    report($"warm: {group.Key.Label} at concurrency {concurrency} done");
                }

                foreach (var (target, pool) in pools)
                {
                    results.PeakResidentBytes[target] = pool.ProcessIds
                        .Select(ProcessMemory.PeakResidentBytes)
                        .Max();
                }
            }
            finally
            {
                await Task.WhenAll(pools.Values.Select(p => p.DisposeAsync().AsTask()));
            }
        }

        return results;
    }

    private async Task RunBlockAsync(
        BenchTarget target, FunctionPool pool, int concurrency, int count, List<WarmSample>? into, CancellationToken ct)
    {
        var next = 0;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var mine = new List<WarmSample>();
            while (Interlocked.Increment(ref next) <= count)
            {
                var started = Stopwatch.GetTimestamp();
                var result = await pool.InvokeAsync(target.Event, ct);
                var latency = Stopwatch.GetElapsedTime(started);
                var succeeded = ResponseCheck.Require(target, result, logs);
                mine.Add(new WarmSample(latency.TotalMilliseconds, succeeded.InFunction.TotalMilliseconds));
            }

            return mine;
        });
        var all = await Task.WhenAll(workers);
        if (into is not null)
        {
            foreach (var samples in all)
            {
                into.AddRange(samples);
            }
        }
    }
}
