namespace Products.Lambda.Metrics;

/// <summary>The part of a metric's values that goes into one EMF document (at most 100 values).</summary>
internal readonly record struct MetricSlice(RecordedMetric Metric, int Start, int Count);
