namespace Products.Lambda.Metrics;

/// <summary>The exact <c>Unit</c> strings of an EMF MetricDefinition (the CloudWatch MetricDatum unit names).</summary>
internal static class MetricUnitNames
{
    public static string ToEmf(MetricUnit unit) => unit switch
    {
        MetricUnit.None => "None",
        MetricUnit.Count => "Count",
        MetricUnit.Percent => "Percent",
        MetricUnit.Seconds => "Seconds",
        MetricUnit.Milliseconds => "Milliseconds",
        MetricUnit.Microseconds => "Microseconds",
        MetricUnit.Bytes => "Bytes",
        MetricUnit.Kilobytes => "Kilobytes",
        MetricUnit.Megabytes => "Megabytes",
        MetricUnit.Gigabytes => "Gigabytes",
        MetricUnit.Terabytes => "Terabytes",
        MetricUnit.Bits => "Bits",
        MetricUnit.Kilobits => "Kilobits",
        MetricUnit.Megabits => "Megabits",
        MetricUnit.Gigabits => "Gigabits",
        MetricUnit.Terabits => "Terabits",
        MetricUnit.BytesPerSecond => "Bytes/Second",
        MetricUnit.KilobytesPerSecond => "Kilobytes/Second",
        MetricUnit.MegabytesPerSecond => "Megabytes/Second",
        MetricUnit.GigabytesPerSecond => "Gigabytes/Second",
        MetricUnit.TerabytesPerSecond => "Terabytes/Second",
        MetricUnit.BitsPerSecond => "Bits/Second",
        MetricUnit.KilobitsPerSecond => "Kilobits/Second",
        MetricUnit.MegabitsPerSecond => "Megabits/Second",
        MetricUnit.GigabitsPerSecond => "Gigabits/Second",
        MetricUnit.TerabitsPerSecond => "Terabits/Second",
        MetricUnit.CountPerSecond => "Count/Second",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Not a CloudWatch metric unit."),
    };
}
