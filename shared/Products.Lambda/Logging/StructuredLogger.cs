using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Products.Lambda.Logging;

/// <summary>
/// A JSON logger compatible with Powertools for AWS Lambda (.NET) Logging: one JSON object per line with Powertools' key
/// names, the Lambda context keys during an invocation, per-invocation debug sampling and opt-in (redacted) event logging.
/// Thread-safe; holds no static state. Create one per process and call <see cref="BeginInvocation"/> /
/// <see cref="EndInvocation"/> around each invocation.
/// </summary>
[SuppressMessage(
    "Design",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "The Utf8JsonWriter writes to an in-memory ArrayBufferWriter: it holds nothing that needs releasing.")]
public sealed class StructuredLogger
{
    private const int MaxInnerExceptions = 4;
    private const string UnencodableMessage = "[log line could not be encoded as JSON]";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Log lines are never embedded in HTML: keep '<', '&', quotes and non-ASCII readable in CloudWatch.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly LoggerOptions _options;
    private readonly double _sampleRate;
    private readonly JsonLineSink _sink;
    private readonly TimeProvider _timeProvider;
    private readonly Func<double> _sampler;
    private readonly InvocationState _idle;
    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;
    private volatile InvocationState _state;

    /// <summary>Creates the logger.</summary>
    /// <param name="options">Service, level, sampling and event logging settings.</param>
    /// <param name="sink">Where lines go (stdout in Lambda).</param>
    /// <param name="timeProvider">Clock for the <c>timestamp</c> key.</param>
    /// <param name="sampler">Returns a number in [0, 1) per invocation; the invocation logs at Debug when it is at most the
    /// sample rate (Powertools' rule). In production: <c>Random.Shared.NextDouble</c>.</param>
    public StructuredLogger(LoggerOptions options, JsonLineSink sink, TimeProvider timeProvider, Func<double> sampler)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(sampler);

        _options = options;
        _sampleRate = LoggerOptions.SanitizeSampleRate(options.SampleRate);
        _sink = sink;
        _timeProvider = timeProvider;
        _sampler = sampler;
        _idle = new InvocationState(null, options.MinimumLevel);
        _state = _idle;
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);
    }

    /// <summary>Whether a line at <paramref name="level"/> would be written now. Check it before building costly messages.</summary>
    public bool IsEnabled(LogLevel level)
    {
        var minimum = _state.MinimumLevel;
        return level != LogLevel.None && minimum != LogLevel.None && level >= minimum;
    }

    /// <summary>
    /// Starts an invocation: its context keys go on every line until <see cref="EndInvocation"/>, and sampling decides
    /// (once per invocation) whether it logs at Debug.
    /// </summary>
    public void BeginInvocation(InvocationLogContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var minimum = _options.MinimumLevel;
        var sample = 0d;
        var sampled = false;
        if (_sampleRate > 0)
        {
            sample = _sampler();
            sampled = sample <= _sampleRate;
        }

        _state = new InvocationState(context, sampled ? LogLevel.Debug : minimum);
        if (sampled && minimum != LogLevel.Debug)
        {
            Debug(
                "Changed log level to Debug for this invocation based on sampling configuration",
                LogField.Of("sampler_value", sample));
        }
    }

    /// <summary>Ends the invocation: drops its context keys and restores the configured level.</summary>
    public void EndInvocation() => _state = _idle;

    /// <summary>Writes a Debug line.</summary>
    public void Debug(string message, params ReadOnlySpan<LogField> fields) => Log(LogLevel.Debug, message, null, fields);

    /// <summary>Writes a Debug line with an exception.</summary>
    public void Debug(string message, Exception? exception, params ReadOnlySpan<LogField> fields) =>
        Log(LogLevel.Debug, message, exception, fields);

    /// <summary>Writes an Information line.</summary>
    public void Info(string message, params ReadOnlySpan<LogField> fields) => Log(LogLevel.Information, message, null, fields);

    /// <summary>Writes an Information line with an exception.</summary>
    public void Info(string message, Exception? exception, params ReadOnlySpan<LogField> fields) =>
        Log(LogLevel.Information, message, exception, fields);

    /// <summary>Writes a Warning line.</summary>
    public void Warn(string message, params ReadOnlySpan<LogField> fields) => Log(LogLevel.Warning, message, null, fields);

    /// <summary>Writes a Warning line with an exception.</summary>
    public void Warn(string message, Exception? exception, params ReadOnlySpan<LogField> fields) =>
        Log(LogLevel.Warning, message, exception, fields);

    /// <summary>Writes an Error line.</summary>
    public void Error(string message, params ReadOnlySpan<LogField> fields) => Log(LogLevel.Error, message, null, fields);

    /// <summary>Writes an Error line with an exception.</summary>
    public void Error(string message, Exception? exception, params ReadOnlySpan<LogField> fields) =>
        Log(LogLevel.Error, message, exception, fields);

    /// <summary>
    /// Writes one line at <paramref name="level"/> when enabled. Extra keys that repeat a standard key or an earlier extra
    /// key are ignored, as Powertools does.
    /// </summary>
    public void Log(LogLevel level, string message, Exception? exception, params ReadOnlySpan<LogField> fields)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(message);
        var state = _state;
        lock (_gate)
        {
            try
            {
                StartLine(level);
                _writer.WriteString(LogKeys.Message, message);
                WriteContextKeys(state);
                WriteException(exception);
                WriteFields(fields);
                EndLine();
            }
            catch (ArgumentException)
            {
                // Text that is not valid UTF-16 (a lone surrogate from client input) cannot be encoded; a log call must
                // not fail the request, so the line is written without the offending text.
                StartLine(level);
                _writer.WriteString(LogKeys.Message, UnencodableMessage);
                WriteContextKeys(state);
                EndLine();
            }
        }
    }

    /// <summary>
    /// Writes the incoming event as the <c>message</c> of an Information line (Powertools' LogEvent), with body, cookies,
    /// credential headers, client addresses, authorizer claims and caller identity redacted. Does nothing unless
    /// <see cref="LoggerOptions.LogEvent"/> is on.
    /// </summary>
    public void LogEvent(ReadOnlySpan<byte> eventJson)
    {
        if (!_options.LogEvent || !IsEnabled(LogLevel.Information))
        {
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(eventJson.ToArray());
        }
        catch (JsonException)
        {
            Warn("Incoming event is not valid JSON; not logged");
            return;
        }

        using (document)
        {
            var state = _state;
            lock (_gate)
            {
                StartLine(LogLevel.Information);
                _writer.WritePropertyName(LogKeys.Message);
                EventRedactor.Write(document.RootElement, _writer);
                WriteContextKeys(state);
                EndLine();
            }
        }
    }

    private void StartLine(LogLevel level)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        _writer.WriteString(LogKeys.Level, LogLevelNames.Utf8Name(level));
    }

    /// <summary>The keys after <c>message</c>, in Powertools' order.</summary>
    private void WriteContextKeys(InvocationState state)
    {
        Span<byte> timestamp = stackalloc byte[32];
        _timeProvider.GetUtcNow().UtcDateTime.TryFormat(
            timestamp, out var length, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        _writer.WriteString(LogKeys.Timestamp, timestamp[..length]);
        _writer.WriteString(LogKeys.Service, _options.Service);

        if (state.Context is { } context)
        {
            _writer.WriteBoolean(LogKeys.ColdStart, context.ColdStart);
            _writer.WriteString(LogKeys.FunctionName, context.FunctionName);
            _writer.WriteString(LogKeys.FunctionVersion, context.FunctionVersion);
            _writer.WriteNumber(LogKeys.FunctionMemorySize, context.FunctionMemorySize);
            _writer.WriteString(LogKeys.FunctionArn, context.FunctionArn);
            _writer.WriteString(LogKeys.FunctionRequestId, context.FunctionRequestId);
            if (context.XrayTraceId is not null)
            {
                _writer.WriteString(LogKeys.XrayTraceId, context.XrayTraceId);
            }

            if (context.CorrelationId is not null)
            {
                _writer.WriteString(LogKeys.CorrelationId, context.CorrelationId);
            }
        }

        if (_sampleRate > 0)
        {
            _writer.WriteNumber(LogKeys.SamplingRate, _sampleRate);
        }
    }

    /// <summary>
    /// The exception as Powertools .NET writes it (its ExceptionConverter: type = full name, message, source, stack
    /// trace), plus the inner exceptions, which Powertools drops but which are often the actual cause.
    /// </summary>
    private void WriteException(Exception? exception)
    {
        if (exception is null)
        {
            return;
        }

        _writer.WritePropertyName(LogKeys.Exception);
        WriteExceptionObject(exception, 0);
    }

    private void WriteExceptionObject(Exception exception, int depth)
    {
        _writer.WriteStartObject();
        _writer.WriteString("type"u8, exception.GetType().FullName);
        _writer.WriteString("message"u8, exception.Message);
        if (exception.Source is { } source)
        {
            _writer.WriteString("source"u8, source);
        }

        if (exception.StackTrace is { } stackTrace)
        {
            _writer.WriteString("stack_trace"u8, stackTrace);
        }

        if (exception.InnerException is { } inner && depth < MaxInnerExceptions)
        {
            _writer.WritePropertyName("inner_exception"u8);
            WriteExceptionObject(inner, depth + 1);
        }

        _writer.WriteEndObject();
    }

    private void WriteFields(ReadOnlySpan<LogField> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            var key = fields[i].Key;
            if (string.IsNullOrWhiteSpace(key) || LogKeys.IsReserved(key) || RepeatsEarlierKey(fields, i))
            {
                continue;
            }

            _writer.WritePropertyName(key);
            fields[i].WriteValue(_writer);
        }
    }

    private static bool RepeatsEarlierKey(ReadOnlySpan<LogField> fields, int index)
    {
        for (var j = 0; j < index; j++)
        {
            if (string.Equals(fields[j].Key, fields[index].Key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void EndLine()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        _sink.WriteLine(_buffer.WrittenSpan);
    }
}
