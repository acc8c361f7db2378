namespace Products.Lambda.Metrics;

/// <summary>
/// Limits from CloudWatch "Specification: Embedded metric format" and the CloudWatch API ("MetricDatum", "Dimension").
/// </summary>
internal static class EmfLimits
{
    /// <summary>MetricDefinitions in one MetricDirective.</summary>
    public const int MaxMetricsPerDocument = 100;

    /// <summary>Values in one metric's value array.</summary>
    public const int MaxValuesPerMetric = 100;

    /// <summary>Dimension keys in one DimensionSet, the <c>service</c> dimension included.</summary>
    public const int MaxDimensions = 30;

    /// <summary>Metric names, dimension names and the namespace.</summary>
    public const int MaxNameLength = 255;

    /// <summary>Dimension values.</summary>
    public const int MaxDimensionValueLength = 1024;
}
