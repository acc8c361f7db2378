using System.Globalization;
using Products.Tooling;

namespace Products.Reliability.Load;

/// <summary>Count, percentiles (nearest rank) and statuses of a set of requests.</summary>
public sealed record LatencySummary(
    string Operation, int Count, double P50, double P90, double P99, double Max, IReadOnlyDictionary<int, int> Statuses)
{
    public static LatencySummary Of(string operation, IReadOnlyCollection<RequestSample> samples)
    {
        var sorted = samples.Select(s => s.Milliseconds).Order().ToArray();
        var statuses = samples.GroupBy(s => s.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        return new LatencySummary(
            operation, sorted.Length, Percentile(sorted, 50), Percentile(sorted, 90), Percentile(sorted, 99),
            sorted.Length == 0 ? 0 : sorted[^1], statuses);
    }

    public string Format() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Operation,-7} {Count,6}  p50 {P50,7:0.0} ms  p90 {P90,7:0.0} ms  p99 {P99,7:0.0} ms  max {Max,7:0.0} ms  statuses {string.Join(" ", Statuses.Select(s => $"{(s.Key == 0 ? "no-answer" : s.Key)}×{s.Value}"))}");

    private static double Percentile(double[] sorted, int percent) =>
        sorted.Length == 0 ? 0 : Percentiles.NearestRank(sorted, percent / 100.0);
}
