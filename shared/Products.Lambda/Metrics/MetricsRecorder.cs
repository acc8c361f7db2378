using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using Products.Lambda.Logging;

namespace Products.Lambda.Metrics;

/// <summary>
/// Collects an invocation's metrics and writes them as CloudWatch Embedded Metric Format documents (CloudWatch,
/// "Specification: Embedded metric format"), with the semantics of Powertools for AWS Lambda (.NET) Metrics: one
/// document per flush with the <c>service</c> dimension, values of the same metric aggregated into an array, at most
/// 100 metrics per document, and a separate ColdStart document. Thread-safe; holds no static state.
/// </summary>
[SuppressMessage(
    "Design",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "The Utf8JsonWriter writes to an in-memory ArrayBufferWriter: it holds nothing that needs releasing.")]
public sealed class MetricsRecorder
{
    private const string ServiceKey = "service";
    private const string FunctionNameKey = "function_name";
    private const string ColdStartMetric = "ColdStart";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly MetricsOptions _options;
    private readonly JsonLineSink _sink;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private readonly List<RecordedMetric> _metrics = [];
    private readonly List<KeyValuePair<string, string>> _dimensions = [];
    private readonly List<MetricSlice> _slices = [];
    private readonly ArrayBufferWriter<byte> _buffer = new(2048);
    private readonly Utf8JsonWriter _writer;
    private bool _coldStartCaptured;

    /// <summary>Creates the recorder.</summary>
    /// <param name="options">Namespace and service.</param>
    /// <param name="sink">Where EMF documents go (stdout in Lambda; share the logger's sink).</param>
    /// <param name="timeProvider">Clock for the EMF <c>Timestamp</c>.</param>
    public MetricsRecorder(MetricsOptions options, JsonLineSink sink, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(timeProvider);

        _options = options;
        _sink = sink;
        _timeProvider = timeProvider;
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);
    }

    /// <summary>
    /// Records a value; values added under one name are emitted together as an array. Invalid names, units or values
    /// and a missing namespace are programming errors and throw.
    /// </summary>
    /// <exception cref="InvalidOperationException">No namespace is configured, or the name was used with another unit
    /// or is a dimension name.</exception>
    /// <exception cref="ArgumentException">The name is empty, too long or reserved; the value is negative or not finite;
    /// the unit is not defined.</exception>
    public void AddMetric(string name, double value, MetricUnit unit)
    {
        EnsureNamespace();
        ValidateName(name, nameof(name));
        if (!double.IsFinite(value) || value < 0)
        {
            // CloudWatch rejects NaN and infinities; Powertools also rejects negative values.
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Metric '{name}' needs a finite value >= 0.");
        }

        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Not a CloudWatch metric unit.");
        }

        lock (_gate)
        {
            if (FindDimension(name) >= 0)
            {
                throw new InvalidOperationException($"'{name}' is already a dimension; a metric cannot share its name.");
            }

            var metric = _metrics.Find(m => string.Equals(m.Name, name, StringComparison.Ordinal));
            if (metric is null)
            {
                metric = new RecordedMetric(name, unit);
                _metrics.Add(metric);
            }
            else if (metric.Unit != unit)
            {
                throw new InvalidOperationException(
                    $"Metric '{name}' was recorded with unit {metric.Unit}; it cannot also use {unit}.");
            }

            metric.Values.Add(value);
        }
    }

    /// <summary>
    /// Adds a dimension to this invocation's metrics, next to <c>service</c> (a second call with the same name replaces
    /// the value). Dimensions are cleared by <see cref="Flush"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Empty, too long or reserved name or value.</exception>
    /// <exception cref="InvalidOperationException">More than 30 dimensions, or the name is a metric's name.</exception>
    public void AddDimension(string name, string value)
    {
        ValidateName(name, nameof(name));
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (value.Length > EmfLimits.MaxDimensionValueLength)
        {
            throw new ArgumentException(
                $"Dimension values are at most {EmfLimits.MaxDimensionValueLength} characters.", nameof(value));
        }

        lock (_gate)
        {
            if (_metrics.Exists(m => string.Equals(m.Name, name, StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"'{name}' is already a metric; a dimension cannot share its name.");
            }

            var index = FindDimension(name);
            if (index >= 0)
            {
                _dimensions[index] = new(name, value);
                return;
            }

            if (_dimensions.Count + 1 >= EmfLimits.MaxDimensions)
            {
                throw new InvalidOperationException(
                    $"At most {EmfLimits.MaxDimensions} dimensions (service included) per metric.");
            }

            _dimensions.Add(new(name, value));
        }
    }

    /// <summary>
    /// Writes the ColdStart metric (1, Count) in its own EMF document with the dimensions <c>service</c> and
    /// <c>function_name</c>, as Powertools' CaptureColdStart does. Only the first call per recorder writes: call it at
    /// the start of every invocation, or only on the cold one. (Powertools never emits ColdStart = 0, to save cost.)
    /// </summary>
    public void CaptureColdStart(string functionName)
    {
        EnsureNamespace();
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);

        lock (_gate)
        {
            if (_coldStartCaptured)
            {
                return;
            }

            _coldStartCaptured = true;
            var coldStart = new RecordedMetric(ColdStartMetric, MetricUnit.Count);
            coldStart.Values.Add(1);
            KeyValuePair<string, string>[] dimensions = [new(FunctionNameKey, functionName)];
            WriteDocument(Timestamp(), dimensions, [new MetricSlice(coldStart, 0, 1)]);
        }
    }

    /// <summary>
    /// Writes the recorded metrics (one EMF line; more only past 100 metrics or 100 values of one metric) and clears
    /// metrics and dimensions. Writes nothing when no metric was added. Call once at the end of every invocation.
    /// </summary>
    public void Flush()
    {
        lock (_gate)
        {
            try
            {
                if (_metrics.Count == 0)
                {
                    return;
                }

                var timestamp = Timestamp();
                var rounds = _metrics.Max(m => (m.Values.Count + EmfLimits.MaxValuesPerMetric - 1) / EmfLimits.MaxValuesPerMetric);
                for (var round = 0; round < rounds; round++)
                {
                    // A document holds each metric once, so values beyond 100 of a metric go to the next round.
                    _slices.Clear();
                    var start = round * EmfLimits.MaxValuesPerMetric;
                    foreach (var metric in _metrics.Where(m => m.Values.Count > start))
                    {
                        _slices.Add(new MetricSlice(metric, start, Math.Min(EmfLimits.MaxValuesPerMetric, metric.Values.Count - start)));
                    }

                    foreach (var chunk in _slices.Chunk(EmfLimits.MaxMetricsPerDocument))
                    {
                        WriteDocument(timestamp, _dimensions, chunk);
                    }
                }
            }
            finally
            {
                _metrics.Clear();
                _dimensions.Clear();
                _slices.Clear();
            }
        }
    }

    private void WriteDocument(long timestamp, IReadOnlyList<KeyValuePair<string, string>> dimensions, ReadOnlySpan<MetricSlice> metrics)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();

        _writer.WriteStartObject("_aws"u8);
        _writer.WriteNumber("Timestamp"u8, timestamp);
        _writer.WriteStartArray("CloudWatchMetrics"u8);
        _writer.WriteStartObject();
        _writer.WriteString("Namespace"u8, _options.Namespace);
        _writer.WriteStartArray("Dimensions"u8);
        _writer.WriteStartArray();
        _writer.WriteStringValue(ServiceKey);
        foreach (var dimension in dimensions)
        {
            _writer.WriteStringValue(dimension.Key);
        }

        _writer.WriteEndArray();
        _writer.WriteEndArray();
        _writer.WriteStartArray("Metrics"u8);
        foreach (var slice in metrics)
        {
            _writer.WriteStartObject();
            _writer.WriteString("Name"u8, slice.Metric.Name);
            _writer.WriteString("Unit"u8, MetricUnitNames.ToEmf(slice.Metric.Unit));
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.WriteEndArray();
        _writer.WriteEndObject();

        // Target members: the dimension values and metric values the directive above refers to.
        _writer.WriteString(ServiceKey, _options.Service);
        foreach (var dimension in dimensions)
        {
            _writer.WriteString(dimension.Key, dimension.Value);
        }

        foreach (var slice in metrics)
        {
            var values = slice.Metric.Values;
            if (slice.Count == 1)
            {
                _writer.WriteNumber(slice.Metric.Name, values[slice.Start]);
                continue;
            }

            _writer.WriteStartArray(slice.Metric.Name);
            for (var i = slice.Start; i < slice.Start + slice.Count; i++)
            {
                _writer.WriteNumberValue(values[i]);
            }

            _writer.WriteEndArray();
        }

        _writer.WriteEndObject();
        _writer.Flush();
        _sink.WriteLine(_buffer.WrittenSpan);
    }

    private long Timestamp() => _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private int FindDimension(string name) =>
        _dimensions.FindIndex(d => string.Equals(d.Key, name, StringComparison.Ordinal));

    private void EnsureNamespace()
    {
        if (string.IsNullOrWhiteSpace(_options.Namespace))
        {
            throw new InvalidOperationException(
                "No metrics namespace: set POWERTOOLS_METRICS_NAMESPACE (EMF requires a namespace).");
        }

        if (_options.Namespace.Length > EmfLimits.MaxNameLength)
        {
            throw new InvalidOperationException($"The metrics namespace is longer than {EmfLimits.MaxNameLength} characters.");
        }
    }

    private static void ValidateName(string name, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, parameterName);
        if (name.Length > EmfLimits.MaxNameLength)
        {
            throw new ArgumentException($"Names are at most {EmfLimits.MaxNameLength} characters.", parameterName);
        }

        if (name is ServiceKey or "_aws")
        {
            throw new ArgumentException($"'{name}' is reserved by the EMF document.", parameterName);
        }
    }
}
