using System.Text.Json;
using Products.Lambda.Metrics;
using Products.Lambda.Tests.Logging;

namespace Products.Lambda.Tests.Metrics;

public sealed class MetricsRecorderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, 89, TimeSpan.Zero);

    private readonly LineCapture _capture = new();

    public void Dispose() => _capture.Dispose();

    private MetricsRecorder CreateRecorder(string metricsNamespace = "Products", string service = "products-api") =>
        new(new MetricsOptions(metricsNamespace, service), _capture.Sink, new FixedTimeProvider(Now));

    [Fact]
    public void Flush_OneMetric_WritesEmfDocument()
    {
        var recorder = CreateRecorder();

        recorder.AddMetric("ProductsListed", 1, MetricUnit.Count);
        recorder.Flush();

        var document = Assert.Single(_capture.Documents());
        var aws = document.GetProperty("_aws");
        Assert.Equal(Now.ToUnixTimeMilliseconds(), aws.GetProperty("Timestamp").GetInt64());
        var directive = Assert.Single(aws.GetProperty("CloudWatchMetrics").EnumerateArray());
        Assert.Equal("Products", directive.GetProperty("Namespace").GetString());
        Assert.Equal([["service"]], DimensionSets(directive));
        var definition = Assert.Single(directive.GetProperty("Metrics").EnumerateArray());
        Assert.Equal("ProductsListed", definition.GetProperty("Name").GetString());
        Assert.Equal("Count", definition.GetProperty("Unit").GetString());
        Assert.Equal("products-api", document.GetProperty("service").GetString());
        Assert.Equal(1, document.GetProperty("ProductsListed").GetDouble());
        Assert.Equal(["_aws", "service", "ProductsListed"], document.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Flush_SameMetricTwice_AggregatesValuesIntoArray()
    {
        var recorder = CreateRecorder();

        recorder.AddMetric("DynamoDbLatency", 12.5, MetricUnit.Milliseconds);
        recorder.AddMetric("DynamoDbLatency", 7, MetricUnit.Milliseconds);
        recorder.Flush();

        var document = Assert.Single(_capture.Documents());
        var definition = Assert.Single(Directive(document).GetProperty("Metrics").EnumerateArray());
        Assert.Equal("Milliseconds", definition.GetProperty("Unit").GetString());
        Assert.Equal([12.5, 7], document.GetProperty("DynamoDbLatency").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public void Flush_NoMetrics_WritesNothing()
    {
        var recorder = CreateRecorder();

        recorder.AddDimension("Route", "GET /products");
        recorder.Flush();

        Assert.Empty(_capture.Lines());
    }

    [Fact]
    public void Flush_Twice_SecondWritesNothingAndNextInvocationStartsClean()
    {
        var recorder = CreateRecorder();
        recorder.AddDimension("Route", "POST /products");
        recorder.AddMetric("ProductCreated", 1, MetricUnit.Count);

        recorder.Flush();
        recorder.Flush();
        recorder.AddMetric("ProductCreated", 1, MetricUnit.Count);
        recorder.Flush();

        var documents = _capture.Documents();
        Assert.Equal(2, documents.Count);
        Assert.Equal([["service", "Route"]], DimensionSets(Directive(documents[0])));
        Assert.Equal([["service"]], DimensionSets(Directive(documents[1])));
        Assert.False(documents[1].TryGetProperty("Route", out _));
        Assert.Equal(1, documents[1].GetProperty("ProductCreated").GetDouble());
    }

    [Fact]
    public void AddDimension_Set_AppearsInDimensionSetAndAsMember()
    {
        var recorder = CreateRecorder();

        recorder.AddDimension("Stage", "dev");
        recorder.AddDimension("Stage", "prod");
        recorder.AddMetric("ProductsListed", 1, MetricUnit.Count);
        recorder.Flush();

        var document = Assert.Single(_capture.Documents());
        Assert.Equal([["service", "Stage"]], DimensionSets(Directive(document)));
        Assert.Equal("prod", document.GetProperty("Stage").GetString());
    }

    [Fact]
    public void CaptureColdStart_FirstCall_WritesSeparateDocumentWithFunctionName()
    {
        var recorder = CreateRecorder();

        recorder.CaptureColdStart("ListProducts");
        recorder.AddMetric("ProductsListed", 1, MetricUnit.Count);
        recorder.Flush();

        var documents = _capture.Documents();
        Assert.Equal(2, documents.Count);
        var coldStart = documents[0];
        var directive = Directive(coldStart);
        Assert.Equal("Products", directive.GetProperty("Namespace").GetString());
        Assert.Equal([["service", "function_name"]], DimensionSets(directive));
        var definition = Assert.Single(directive.GetProperty("Metrics").EnumerateArray());
        Assert.Equal("ColdStart", definition.GetProperty("Name").GetString());
        Assert.Equal("Count", definition.GetProperty("Unit").GetString());
        Assert.Equal(1, coldStart.GetProperty("ColdStart").GetDouble());
        Assert.Equal("ListProducts", coldStart.GetProperty("function_name").GetString());
        Assert.Equal("products-api", coldStart.GetProperty("service").GetString());

        var application = documents[1];
        Assert.False(application.TryGetProperty("ColdStart", out _));
        Assert.False(application.TryGetProperty("function_name", out _));
        Assert.Equal([["service"]], DimensionSets(Directive(application)));
    }

    [Fact]
    public void CaptureColdStart_SecondCall_WritesNothing()
    {
        var recorder = CreateRecorder();

        recorder.CaptureColdStart("GetProduct");
        recorder.CaptureColdStart("GetProduct");
        recorder.Flush();

        Assert.Single(_capture.Lines());
    }

    [Fact]
    public void Flush_MoreThan100Metrics_SplitsIntoDocumentsOfAtMost100()
    {
        var recorder = CreateRecorder();
        for (var i = 0; i < 150; i++)
        {
            recorder.AddMetric($"Metric{i:D3}", i, MetricUnit.Count);
        }

        recorder.Flush();

        var documents = _capture.Documents();
        Assert.Equal(2, documents.Count);
        Assert.Equal([100, 50], documents.Select(d => Directive(d).GetProperty("Metrics").GetArrayLength()));
        var written = documents.SelectMany(MetricValues).ToList();
        Assert.Equal(150, written.Count);
        Assert.Equal(Enumerable.Range(0, 150).Select(i => ($"Metric{i:D3}", (double)i)), written);
    }

    [Fact]
    public void Flush_MoreThan100ValuesOfOneMetric_SplitsValueArrays()
    {
        var recorder = CreateRecorder();
        for (var i = 0; i < 120; i++)
        {
            recorder.AddMetric("ItemSize", i, MetricUnit.Bytes);
        }

        recorder.AddMetric("ProductsListed", 1, MetricUnit.Count);
        recorder.Flush();

        var documents = _capture.Documents();
        Assert.Equal(2, documents.Count);
        Assert.Equal(100, documents[0].GetProperty("ItemSize").GetArrayLength());
        Assert.Equal(1, documents[0].GetProperty("ProductsListed").GetDouble());
        Assert.Equal(20, documents[1].GetProperty("ItemSize").GetArrayLength());
        Assert.False(documents[1].TryGetProperty("ProductsListed", out _));
        var values = documents.SelectMany(d => d.GetProperty("ItemSize").EnumerateArray()).Select(v => v.GetDouble());
        Assert.Equal(Enumerable.Range(0, 120).Select(i => (double)i), values);
    }

    [Theory]
    [InlineData(MetricUnit.Seconds, "Seconds")]
    [InlineData(MetricUnit.Bytes, "Bytes")]
    [InlineData(MetricUnit.None, "None")]
    [InlineData(MetricUnit.Percent, "Percent")]
    [InlineData(MetricUnit.BytesPerSecond, "Bytes/Second")]
    [InlineData(MetricUnit.CountPerSecond, "Count/Second")]
    public void Flush_Unit_WritesCloudWatchUnitName(MetricUnit unit, string expected)
    {
        var recorder = CreateRecorder();

        recorder.AddMetric("Measured", 2, unit);
        recorder.Flush();

        var definition = Assert.Single(Directive(Assert.Single(_capture.Documents())).GetProperty("Metrics").EnumerateArray());
        Assert.Equal(expected, definition.GetProperty("Unit").GetString());
    }

    [Fact]
    public void AddMetric_NoNamespace_ThrowsNamingTheVariable()
    {
        var recorder = CreateRecorder(metricsNamespace: "");

        var error = Assert.Throws<InvalidOperationException>(() => recorder.AddMetric("ProductsListed", 1, MetricUnit.Count));

        Assert.Contains("POWERTOOLS_METRICS_NAMESPACE", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => recorder.CaptureColdStart("ListProducts"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("service")]
    [InlineData("_aws")]
    public void AddMetric_InvalidName_Throws(string name)
    {
        var recorder = CreateRecorder();

        Assert.ThrowsAny<ArgumentException>(() => recorder.AddMetric(name, 1, MetricUnit.Count));
    }

    [Fact]
    public void AddMetric_NameOf255Characters_IsAcceptedAnd256IsNot()
    {
        var recorder = CreateRecorder();

        recorder.AddMetric(new string('m', 255), 1, MetricUnit.Count);

        Assert.Throws<ArgumentException>(() => recorder.AddMetric(new string('m', 256), 1, MetricUnit.Count));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1)]
    public void AddMetric_InvalidValue_Throws(double value)
    {
        var recorder = CreateRecorder();

        Assert.Throws<ArgumentOutOfRangeException>(() => recorder.AddMetric("Latency", value, MetricUnit.Milliseconds));
    }

    [Fact]
    public void AddMetric_UndefinedUnit_Throws()
    {
        var recorder = CreateRecorder();

        Assert.Throws<ArgumentOutOfRangeException>(() => recorder.AddMetric("Latency", 1, (MetricUnit)999));
    }

    [Fact]
    public void AddMetric_SameNameOtherUnit_Throws()
    {
        var recorder = CreateRecorder();
        recorder.AddMetric("Latency", 1, MetricUnit.Milliseconds);

        Assert.Throws<InvalidOperationException>(() => recorder.AddMetric("Latency", 1, MetricUnit.Seconds));
    }

    [Fact]
    public void AddMetricAndDimension_SameName_Throws()
    {
        var recorder = CreateRecorder();
        recorder.AddDimension("Route", "GET /products");
        recorder.AddMetric("Count", 1, MetricUnit.Count);

        Assert.Throws<InvalidOperationException>(() => recorder.AddMetric("Route", 1, MetricUnit.Count));
        Assert.Throws<InvalidOperationException>(() => recorder.AddDimension("Count", "x"));
    }

    [Fact]
    public void AddDimension_MoreThan30WithService_Throws()
    {
        var recorder = CreateRecorder();
        for (var i = 0; i < 29; i++)
        {
            recorder.AddDimension($"Dimension{i}", "value");
        }

        Assert.Throws<InvalidOperationException>(() => recorder.AddDimension("OneTooMany", "value"));
    }

    [Fact]
    public void AddDimension_InvalidValue_Throws()
    {
        var recorder = CreateRecorder();

        Assert.ThrowsAny<ArgumentException>(() => recorder.AddDimension("Stage", ""));
        Assert.Throws<ArgumentException>(() => recorder.AddDimension("Stage", new string('v', 1025)));
        Assert.Throws<ArgumentException>(() => recorder.AddDimension("service", "other"));
    }

    [Fact]
    public void AddMetric_ManyThreads_EveryValueIsFlushed()
    {
        var recorder = CreateRecorder();

        Parallel.For(0, 8, thread =>
        {
            for (var i = 0; i < 10; i++)
            {
                recorder.AddMetric($"Thread{thread}", i, MetricUnit.Count);
            }
        });
        recorder.Flush();

        var document = Assert.Single(_capture.Documents());
        for (var thread = 0; thread < 8; thread++)
        {
            var values = document.GetProperty($"Thread{thread}").EnumerateArray().Select(v => v.GetDouble()).Order();
            Assert.Equal(Enumerable.Range(0, 10).Select(i => (double)i), values);
        }
    }

    private static JsonElement Directive(JsonElement document) =>
        Assert.Single(document.GetProperty("_aws").GetProperty("CloudWatchMetrics").EnumerateArray());

    private static List<List<string?>> DimensionSets(JsonElement directive) =>
        directive.GetProperty("Dimensions").EnumerateArray()
            .Select(set => set.EnumerateArray().Select(name => name.GetString()).ToList())
            .ToList();

    /// <summary>Each MetricDefinition with its root value, checking the spec's rule that every name has a member.</summary>
    private static IEnumerable<(string, double)> MetricValues(JsonElement document) =>
        Directive(document).GetProperty("Metrics").EnumerateArray()
            .Select(d => d.GetProperty("Name").GetString()!)
            .Select(name => (name, document.GetProperty(name).GetDouble()));
}
