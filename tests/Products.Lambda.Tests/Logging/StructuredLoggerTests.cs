using System.Runtime.CompilerServices;
using System.Text.Json;
using Products.Lambda.Environment;
using Products.Lambda.Logging;

namespace Products.Lambda.Tests.Logging;

public sealed class StructuredLoggerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, 89, TimeSpan.Zero);

    private readonly LineCapture _capture = new();

    public void Dispose() => _capture.Dispose();

    private StructuredLogger CreateLogger(
        LogLevel minimumLevel = LogLevel.Information,
        double sampleRate = 0,
        Func<double>? sampler = null,
        string service = "products-test") =>
        new(
            new LoggerOptions(service, minimumLevel, sampleRate, LogEvent: false),
            _capture.Sink,
            new FixedTimeProvider(Now),
            sampler ?? (() => throw new InvalidOperationException("the sampler must not be asked")));

    private static InvocationLogContext Context(bool coldStart, string? requestId = null) => new(
        coldStart,
        "ListProducts",
        "$LATEST",
        512,
        "arn:aws:lambda:eu-west-1:123456789012:function:ListProducts",
        requestId ?? Guid.NewGuid().ToString(),
        "1-5759e988-bd862e3fe1be46a994272793",
        "api-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Info_OutsideInvocation_WritesStandardKeysOnly()
    {
        var logger = CreateLogger(service: "products-api");

        logger.Info("Starting");

        var line = Assert.Single(_capture.Documents());
        Assert.Equal(["level", "message", "timestamp", "service"], line.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Information", line.GetProperty("level").GetString());
        Assert.Equal("Starting", line.GetProperty("message").GetString());
        Assert.Equal("2025-03-04T05:06:07.089Z", line.GetProperty("timestamp").GetString());
        Assert.Equal("products-api", line.GetProperty("service").GetString());
    }

    [Fact]
    public void BeginInvocation_ColdThenWarm_WritesInvocationKeysOfEach()
    {
        var logger = CreateLogger();
        var cold = Context(coldStart: true);
        var warm = Context(coldStart: false);

        logger.BeginInvocation(cold);
        logger.Info("first");
        logger.EndInvocation();
        logger.BeginInvocation(warm);
        logger.Info("second");
        logger.EndInvocation();
        logger.Info("between invocations");

        var lines = _capture.Documents();
        Assert.Equal(3, lines.Count);
        AssertContextKeys(lines[0], cold);
        AssertContextKeys(lines[1], warm);
        Assert.True(lines[0].GetProperty("cold_start").GetBoolean());
        Assert.False(lines[1].GetProperty("cold_start").GetBoolean());
        Assert.False(lines[2].TryGetProperty("cold_start", out _));
        Assert.False(lines[2].TryGetProperty("function_request_id", out _));
    }

    [Fact]
    public void BeginInvocation_NoTraceOrCorrelation_OmitsThoseKeys()
    {
        var logger = CreateLogger();
        logger.BeginInvocation(Context(coldStart: false) with { XrayTraceId = null, CorrelationId = null });

        logger.Info("no ids");

        var line = Assert.Single(_capture.Documents());
        Assert.False(line.TryGetProperty("xray_trace_id", out _));
        Assert.False(line.TryGetProperty("correlation_id", out _));
        Assert.True(line.TryGetProperty("function_request_id", out _));
    }

    [Fact]
    public void Log_EachLevel_WritesPowertoolsLevelName()
    {
        var logger = CreateLogger(LogLevel.Debug);

        logger.Debug("d");
        logger.Info("i");
        logger.Warn("w");
        logger.Error("e");
        logger.Log(LogLevel.Critical, "c", null);

        Assert.Equal(
            ["Debug", "Information", "Warning", "Error", "Critical"],
            _capture.Documents().Select(l => l.GetProperty("level").GetString()));
    }

    [Fact]
    public void Log_BelowMinimumLevel_WritesNothing()
    {
        var logger = CreateLogger(LogLevel.Warning);

        logger.Debug("debug");
        logger.Info("info");
        logger.Warn("warn");
        logger.Error("error");

        Assert.Equal(["warn", "error"], _capture.Documents().Select(l => l.GetProperty("message").GetString()));
        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public void Log_MinimumLevelNone_WritesNothing()
    {
        var logger = CreateLogger(LogLevel.None);

        logger.Log(LogLevel.Critical, "critical", null);
        logger.Log(LogLevel.None, "none", null);

        Assert.Empty(_capture.Lines());
    }

    [Fact]
    public void FromEnvironment_LambdaLogLevelError_DropsWarningsEvenWhenPowertoolsSaysDebug()
    {
        var options = LoggerOptions.FromEnvironment(new DictionaryEnvironment(new Dictionary<string, string>
        {
            [EnvironmentVariableNames.LambdaLogLevel] = "ERROR",
            [EnvironmentVariableNames.PowertoolsLogLevel] = "DEBUG",
        }));
        var logger = new StructuredLogger(options, _capture.Sink, new FixedTimeProvider(Now), () => 0.5);

        logger.Debug("debug");
        logger.Warn("warn");
        logger.Error("error");

        Assert.Equal(["error"], _capture.Documents().Select(l => l.GetProperty("message").GetString()));
    }

    [Fact]
    public void BeginInvocation_SampleRateOne_LogsDebugForThatInvocationOnly()
    {
        var logger = CreateLogger(LogLevel.Information, sampleRate: 1, sampler: () => 0.999);

        logger.BeginInvocation(Context(coldStart: true));
        logger.Debug("sampled debug");
        logger.EndInvocation();
        logger.Debug("debug after invocation");

        var lines = _capture.Documents();
        Assert.Contains(lines, l => l.GetProperty("message").GetString() == "sampled debug");
        Assert.DoesNotContain(lines, l => l.GetProperty("message").GetString() == "debug after invocation");
        Assert.All(lines, l => Assert.Equal(1.0, l.GetProperty("sampling_rate").GetDouble()));
        Assert.All(lines, l => Assert.Equal("Debug", l.GetProperty("level").GetString()));
    }

    [Fact]
    public void BeginInvocation_SampleRateZero_NeverSamplesAndOmitsSamplingRate()
    {
        // The default sampler throws: a rate of 0 must not even ask it.
        var logger = CreateLogger(LogLevel.Information, sampleRate: 0);

        logger.BeginInvocation(Context(coldStart: true));
        logger.Debug("debug");
        logger.Info("info");
        logger.EndInvocation();

        var line = Assert.Single(_capture.Documents());
        Assert.Equal("info", line.GetProperty("message").GetString());
        Assert.False(line.TryGetProperty("sampling_rate", out _));
    }

    [Fact]
    public void BeginInvocation_SamplerAboveRate_DoesNotSampleButWritesRate()
    {
        var samples = new Queue<double>([0.7, 0.2]);
        var logger = CreateLogger(LogLevel.Information, sampleRate: 0.5, sampler: samples.Dequeue);

        logger.BeginInvocation(Context(coldStart: true));
        logger.Debug("not sampled");
        logger.Info("info");
        logger.EndInvocation();
        logger.BeginInvocation(Context(coldStart: false));
        logger.Debug("sampled");
        logger.EndInvocation();

        var messages = _capture.Documents().Select(l => l.GetProperty("message").GetString()).ToList();
        Assert.DoesNotContain("not sampled", messages);
        Assert.Contains("sampled", messages);
        Assert.Equal(0.5, _capture.Documents()[0].GetProperty("sampling_rate").GetDouble());
    }

    [Fact]
    public void Error_WithException_WritesStructuredException()
    {
        var logger = CreateLogger();
        var exception = Capture(() => ThrowWrapped());

        logger.Error("Listing failed", exception);

        var line = Assert.Single(_capture.Documents());
        var written = line.GetProperty("exception");
        Assert.Equal("System.InvalidOperationException", written.GetProperty("type").GetString());
        Assert.Equal("listing failed", written.GetProperty("message").GetString());
        Assert.Contains(nameof(ThrowWrapped), written.GetProperty("stack_trace").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(written.GetProperty("source").GetString()));
        var inner = written.GetProperty("inner_exception");
        Assert.Equal("System.TimeoutException", inner.GetProperty("type").GetString());
        Assert.Equal("dynamodb timed out", inner.GetProperty("message").GetString());
    }

    [Fact]
    public void Error_ExceptionNeverThrown_OmitsStackTrace()
    {
        var logger = CreateLogger();

        logger.Error("failed", new ArgumentException("bad"));

        var written = Assert.Single(_capture.Documents()).GetProperty("exception");
        Assert.Equal("System.ArgumentException", written.GetProperty("type").GetString());
        Assert.False(written.TryGetProperty("stack_trace", out _));
    }

    [Fact]
    public void Info_MessageWithNewlinesAndQuotes_StaysOneLine()
    {
        var logger = CreateLogger();
        const string message = "line one\nline two\r\n\t\"quoted\" <tag> & ünïcode";

        logger.Info(message);

        var line = Assert.Single(_capture.Lines());
        using var document = JsonDocument.Parse(line);
        Assert.Equal(message, document.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public void Info_LoneSurrogateInField_StillWritesValidLine()
    {
        var logger = CreateLogger();

        logger.Info("client sent", LogField.Of("name", "bad\ud800text"));

        var line = Assert.Single(_capture.Documents());
        Assert.Equal("Information", line.GetProperty("level").GetString());
    }

    [Fact]
    public void Info_ExtraFields_WritesTypedValues()
    {
        var logger = CreateLogger();
        var productId = Guid.NewGuid().ToString();

        logger.Info(
            "Product created",
            LogField.Of("product_id", productId),
            LogField.Of("count", 3),
            LogField.Of("ratio", 0.25),
            LogField.Of("price", 19.99m),
            LogField.Of("found", true),
            LogField.Of("category", null),
            LogField.Of("not_a_number", double.NaN));

        var line = Assert.Single(_capture.Documents());
        Assert.Equal(productId, line.GetProperty("product_id").GetString());
        Assert.Equal(3, line.GetProperty("count").GetInt64());
        Assert.Equal(0.25, line.GetProperty("ratio").GetDouble());
        Assert.Equal(19.99m, line.GetProperty("price").GetDecimal());
        Assert.True(line.GetProperty("found").GetBoolean());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("category").ValueKind);
        Assert.Equal("NaN", line.GetProperty("not_a_number").GetString());
    }

    [Fact]
    public void Info_ExtraFieldsClashingWithStandardOrEarlierKeys_AreIgnored()
    {
        var logger = CreateLogger(service: "real-service");

        logger.Info(
            "real message",
            LogField.Of("level", "Critical"),
            LogField.Of("service", "fake"),
            LogField.Of("key", "first"),
            LogField.Of("key", "second"),
            LogField.Of(" ", "blank"));

        var line = Assert.Single(_capture.Lines());
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        Assert.Equal("Information", root.GetProperty("level").GetString());
        Assert.Equal("real-service", root.GetProperty("service").GetString());
        Assert.Equal("first", root.GetProperty("key").GetString());
        Assert.Equal(1, root.EnumerateObject().Count(p => p.Name == "key"));
        Assert.Equal(1, root.EnumerateObject().Count(p => p.Name == "level"));
    }

    [Fact]
    public void Log_ManyThreads_EveryLineIsWholeJson()
    {
        const int threads = 8;
        const int perThread = 250;
        var logger = CreateLogger();
        logger.BeginInvocation(Context(coldStart: true));
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < perThread; i++)
            {
                logger.Info($"thread {t} line {i}\nwith newline", LogField.Of("thread", t), LogField.Of("line", i));
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        var lines = _capture.Documents();
        Assert.Equal(threads * perThread, lines.Count);
        var seen = lines.Select(l => (l.GetProperty("thread").GetInt32(), l.GetProperty("line").GetInt32())).ToHashSet();
        Assert.Equal(threads * perThread, seen.Count);
        Assert.All(lines, l => Assert.Equal(
            $"thread {l.GetProperty("thread").GetInt32()} line {l.GetProperty("line").GetInt32()}\nwith newline",
            l.GetProperty("message").GetString()));
    }

    [Fact]
    public void Debug_LevelOff_AllocatesNothing()
    {
        var logger = CreateLogger(LogLevel.Information);
        logger.BeginInvocation(Context(coldStart: true));
        LogDisabled(logger, 0); // JIT the path before measuring.

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            LogDisabled(logger, i);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Empty(_capture.Lines());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LogDisabled(StructuredLogger logger, int i) =>
        logger.Debug("not written", LogField.Of("index", i), LogField.Of("flag", true), LogField.Of("name", "constant"));

    private static void AssertContextKeys(JsonElement line, InvocationLogContext context)
    {
        Assert.Equal(context.FunctionName, line.GetProperty("function_name").GetString());
        Assert.Equal(context.FunctionVersion, line.GetProperty("function_version").GetString());
        Assert.Equal(context.FunctionMemorySize, line.GetProperty("function_memory_size").GetInt32());
        Assert.Equal(context.FunctionArn, line.GetProperty("function_arn").GetString());
        Assert.Equal(context.FunctionRequestId, line.GetProperty("function_request_id").GetString());
        Assert.Equal(context.XrayTraceId, line.GetProperty("xray_trace_id").GetString());
        Assert.Equal(context.CorrelationId, line.GetProperty("correlation_id").GetString());
    }

    private static Exception Capture(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new InvalidOperationException("expected an exception");
    }

    private static void ThrowWrapped()
    {
        try
        {
            throw new TimeoutException("dynamodb timed out");
        }
        catch (TimeoutException inner)
        {
            throw new InvalidOperationException("listing failed", inner);
        }
    }
}
