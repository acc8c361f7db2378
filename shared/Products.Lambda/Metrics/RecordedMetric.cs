namespace Products.Lambda.Metrics;

/// <summary>A metric added during the invocation: every value added under its name, in order.</summary>
internal sealed class RecordedMetric(string name, MetricUnit unit)
{
    public string Name { get; } = name;

    public MetricUnit Unit { get; } = unit;

    public List<double> Values { get; } = [];
}
