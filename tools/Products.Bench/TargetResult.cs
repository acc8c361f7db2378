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
