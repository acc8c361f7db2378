using Products.Tooling;

namespace Products.Bench;

/// <summary>Everything measured for one function in one variant.</summary>
public sealed record TargetResult(
    BenchTarget Target,
    Percentiles ColdTotal,
    Percentiles ColdInit,
    Percentiles ColdFirstInvocation,
    IReadOnlyDictionary<int, Percentiles> Warm,
    IReadOnlyDictionary<int, Percentiles> Overhead,
    long? PeakResidentBytes)
{
    /// <summary>The same cold starts under the minimal Runtime API: total, init, first invocation.</summary>
    public (Percentiles Total, Percentiles Init, Percentiles FirstInvocation)? MinimalRuntimeApi { get; init; }

    /// <summary>p50 of each startup-timeline key (debug-level cold starts); empty for the Node peer.</summary>
    public IReadOnlyDictionary<string, double> Timeline { get; init; } = new Dictionary<string, double>();

    internal static TargetResult From(
        BenchTarget target,
        ColdStartResults cold,
        WarmResults warm,
        IReadOnlyDictionary<BenchTarget, Dictionary<string, List<double>>> timelines) =>
        From(target, cold.Emulator[target], warm) with
        {
            MinimalRuntimeApi = cold.MinimalRuntimeApi[target] is { Count: > 0 } minimal
                ? (Percentiles.Of(minimal.Select(s => s.TotalMs)), Percentiles.Of(minimal.Select(s => s.InitMs)), Percentiles.Of(minimal.Select(s => s.FirstInvocationMs)))
                : null,
            Timeline = timelines.TryGetValue(target, out var keys)
                ? keys.ToDictionary(k => k.Key, k => Percentiles.Of(k.Value).P50, StringComparer.Ordinal)
                : new Dictionary<string, double>(),
        };

    public static TargetResult From(BenchTarget target, List<ColdStartSample> cold, WarmResults warm) => new(
        target,
        Percentiles.Of(cold.Select(s => s.TotalMs)),
        Percentiles.Of(cold.Select(s => s.InitMs)),
        Percentiles.Of(cold.Select(s => s.FirstInvocationMs)),
        WarmRunner.Concurrencies.ToDictionary(c => c, c => Percentiles.Of(warm.For(target, c).Select(s => s.LatencyMs))),
        WarmRunner.Concurrencies.ToDictionary(c => c, c => Percentiles.Of(warm.For(target, c).Select(s => s.OverheadMs))),
        cold.Select(s => s.PeakResidentBytes)
            .Append(warm.PeakResidentBytes.GetValueOrDefault(target))
            .Max());
}
