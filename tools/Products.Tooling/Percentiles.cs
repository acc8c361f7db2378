namespace Products.Tooling;

/// <summary>p50 / p90 / p99 of a set of durations in milliseconds, nearest rank; NaN for an empty set.</summary>
public sealed record Percentiles(double P50, double P90, double P99, int Count)
{
    public static Percentiles Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Percentiles(double.NaN, double.NaN, double.NaN, 0);
        }

        return new Percentiles(NearestRank(sorted, 0.50), NearestRank(sorted, 0.90), NearestRank(sorted, 0.99), sorted.Length);
    }

    /// <summary>The nearest-rank <paramref name="quantile"/> (0..1) of values sorted ascending; the list must not be empty.</summary>
    public static double NearestRank(IReadOnlyList<double> sorted, double quantile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        return sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
