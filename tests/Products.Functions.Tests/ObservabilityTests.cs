using System.Text.Json;
using Products.Functions.Tests.Harness;

namespace Products.Functions.Tests;

/// <summary>What the functions write to stdout: Powertools-shaped JSON log lines and CloudWatch EMF metric blobs.</summary>
public sealed class ObservabilityTests(ObservabilityTests.DebugLoggingFixture functions) : IClassFixture<ObservabilityTests.DebugLoggingFixture>
{
    private static readonly string[] ContextKeys =
    [
        "level", "message", "timestamp", "service", "cold_start", "function_name", "function_version",
        "function_memory_size", "function_arn", "function_request_id", "xray_trace_id", "correlation_id",
    ];

    [Fact]
    public async Task GetProduct_ColdThenWarm_LogsPowertoolsKeysWithTheColdStartFlag_AndOneColdStartMetric()
    {
        var unknown = Guid.NewGuid().ToString("D");

        await functions.GetAsync(unknown, PayloadFormat.V2);
        await functions.GetAsync(unknown, PayloadFormat.V2);

        var lines = Lines("products-test-GetProduct");
        var handled = lines
            .Where(l => l.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String && m.GetString() == "Request handled")
            .ToList();
        Assert.Equal(2, handled.Count);
        var (cold, warm) = (handled[0], handled[1]);
        foreach (var line in new[] { cold, warm })
        {
            Assert.All(ContextKeys, key => Assert.True(line.TryGetProperty(key, out _), $"missing {key} in {line}"));
            Assert.Equal("products", line.GetProperty("service").GetString());
            Assert.Equal("products-test-GetProduct", line.GetProperty("function_name").GetString());
            Assert.Equal(512, line.GetProperty("function_memory_size").GetInt32());
            Assert.StartsWith("1-", line.GetProperty("xray_trace_id").GetString(), StringComparison.Ordinal);
            Assert.Equal(404, line.GetProperty("status").GetInt32());
        }

        // POWERTOOLS_LOGGER_LOG_EVENT: the event is logged as the message object, with its body redacted.
        var events = lines.Where(l => l.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object).ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal("GET /products/{id}", e.GetProperty("message").GetProperty("routeKey").GetString()));

        Assert.True(cold.GetProperty("cold_start").GetBoolean());
        Assert.False(warm.GetProperty("cold_start").GetBoolean());
        Assert.NotEqual(cold.GetProperty("correlation_id").GetString(), warm.GetProperty("correlation_id").GetString());

        var blobs = lines.Where(l => l.TryGetProperty("_aws", out _)).ToList();
        var coldStart = Assert.Single(blobs, b => b.TryGetProperty("ColdStart", out _));
        Assert.Equal(1, coldStart.GetProperty("ColdStart").GetDouble());
        Assert.Equal("products-test-GetProduct", coldStart.GetProperty("function_name").GetString());
        var directive = coldStart.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        Assert.Equal("Products", directive.GetProperty("Namespace").GetString());

        var notFound = blobs.Where(b => b.TryGetProperty("ProductNotFound", out _)).ToList();
        Assert.Equal(2, notFound.Count);
        Assert.All(notFound, b => Assert.Equal("products", b.GetProperty("service").GetString()));
    }

    [Fact]
    public async Task CreateProduct_Created_EmitsProductCreatedMetric_AndNoLineLeaksTheBody()
    {
        var secretish = "body-" + Guid.NewGuid().ToString("N");

        var created = await functions.PostAsync(new { name = secretish, price = 1 }, PayloadFormat.V1);

        Assert.Equal(201, created.StatusCode);
        var lines = Lines("products-test-CreateProduct");
        Assert.Contains(lines, l => l.TryGetProperty("ProductCreated", out var value) && value.GetDouble() == 1);
        Assert.DoesNotContain(functions.Logs.Snapshot, l => l.Contains(secretish, StringComparison.Ordinal));
    }

    private List<JsonElement> Lines(string functionName)
    {
        var prefix = $"[{functionName}] ";
        return [.. functions.Logs.Snapshot
            .Where(l => l.StartsWith(prefix, StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l[prefix.Length..]).RootElement)];
    }

    /// <summary>Functions at DEBUG, so the per-request log line is written; event logging on, to prove it redacts.</summary>
    public sealed class DebugLoggingFixture : FunctionsFixture
    {
        protected override void Configure(IDictionary<string, string> environment)
        {
            environment["POWERTOOLS_LOG_LEVEL"] = "DEBUG";
            environment["POWERTOOLS_LOGGER_LOG_EVENT"] = "true";
        }
    }
}
