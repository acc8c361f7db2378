using System.Text;
using System.Text.Json;
using Products.Lambda.Logging;

namespace Products.Lambda.Tests.Logging;

public sealed class LogEventTests : IDisposable
{
    private readonly LineCapture _capture = new();

    public void Dispose() => _capture.Dispose();

    private StructuredLogger CreateLogger(bool logEvent = true, LogLevel level = LogLevel.Information) => new(
        new LoggerOptions("products-test", level, 0, logEvent),
        _capture.Sink,
        new FixedTimeProvider(DateTimeOffset.UnixEpoch),
        () => 0);

    private static string HttpApiEvent(string secret, string email) => $$"""
        {
          "version": "2.0",
          "routeKey": "POST /products",
          "rawPath": "/products",
          "rawQueryString": "limit=10",
          "cookies": ["session={{secret}}"],
          "headers": {
            "authorization": "Bearer {{secret}}",
            "Cookie": "session={{secret}}",
            "x-api-key": "{{secret}}",
            "X-Forwarded-For": "203.0.113.7",
            "content-type": "application/json"
          },
          "queryStringParameters": { "limit": "10" },
          "requestContext": {
            "requestId": "req-123",
            "authorizer": { "jwt": { "claims": { "email": "{{email}}" } } },
            "http": { "method": "POST", "path": "/products", "sourceIp": "203.0.113.7", "userAgent": "curl/8" }
          },
          "body": "{\"name\":\"{{email}}\"}",
          "isBase64Encoded": false
        }
        """;

    private static string RestApiEvent(string secret) => $$"""
        {
          "resource": "/products/{id}",
          "path": "/products/42",
          "httpMethod": "GET",
          "headers": { "Authorization": "{{secret}}", "Proxy-Authorization": "{{secret}}", "Accept": "application/json" },
          "multiValueHeaders": { "Authorization": ["{{secret}}"], "Accept": ["application/json"] },
          "pathParameters": { "id": "42" },
          "requestContext": { "requestId": "rest-1", "identity": { "sourceIp": "198.51.100.1", "apiKey": "{{secret}}" } },
          "body": null
        }
        """;

    [Fact]
    public void LogEvent_HttpApiEvent_RedactsSecretsAndKeepsRouting()
    {
        var logger = CreateLogger();
        var secret = "secret-" + Guid.NewGuid().ToString("N");
        var email = Guid.NewGuid().ToString("N") + "@example.com";

        logger.LogEvent(Encoding.UTF8.GetBytes(HttpApiEvent(secret, email)));

        var text = _capture.Text;
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(email, text, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.7", text, StringComparison.Ordinal);

        var line = Assert.Single(_capture.Documents());
        Assert.Equal("Information", line.GetProperty("level").GetString());
        var logged = line.GetProperty("message");
        Assert.Equal("[redacted]", logged.GetProperty("body").GetString());
        Assert.Equal("[redacted]", logged.GetProperty("cookies").GetString());
        var headers = logged.GetProperty("headers");
        Assert.Equal("[redacted]", headers.GetProperty("authorization").GetString());
        Assert.Equal("[redacted]", headers.GetProperty("Cookie").GetString());
        Assert.Equal("[redacted]", headers.GetProperty("x-api-key").GetString());
        Assert.Equal("application/json", headers.GetProperty("content-type").GetString());
        Assert.Equal("POST /products", logged.GetProperty("routeKey").GetString());
        Assert.Equal("10", logged.GetProperty("queryStringParameters").GetProperty("limit").GetString());
        var requestContext = logged.GetProperty("requestContext");
        Assert.Equal("req-123", requestContext.GetProperty("requestId").GetString());
        Assert.Equal("[redacted]", requestContext.GetProperty("authorizer").GetString());
        Assert.Equal("POST", requestContext.GetProperty("http").GetProperty("method").GetString());
        Assert.Equal("/products", requestContext.GetProperty("http").GetProperty("path").GetString());
    }

    [Fact]
    public void LogEvent_RestApiEvent_RedactsHeadersInBothShapesAndIdentity()
    {
        var logger = CreateLogger();
        var secret = "secret-" + Guid.NewGuid().ToString("N");

        logger.LogEvent(Encoding.UTF8.GetBytes(RestApiEvent(secret)));

        Assert.DoesNotContain(secret, _capture.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("198.51.100.1", _capture.Text, StringComparison.Ordinal);
        var logged = Assert.Single(_capture.Documents()).GetProperty("message");
        Assert.Equal("GET", logged.GetProperty("httpMethod").GetString());
        Assert.Equal("/products/42", logged.GetProperty("path").GetString());
        Assert.Equal("application/json", logged.GetProperty("headers").GetProperty("Accept").GetString());
        Assert.Equal("[redacted]", logged.GetProperty("multiValueHeaders").GetProperty("Authorization").GetString());
        Assert.Equal(JsonValueKind.Array, logged.GetProperty("multiValueHeaders").GetProperty("Accept").ValueKind);
        Assert.Equal(JsonValueKind.Null, logged.GetProperty("body").ValueKind);
        Assert.Equal("[redacted]", logged.GetProperty("requestContext").GetProperty("identity").GetString());
    }

    [Fact]
    public void LogEvent_Disabled_WritesNothing()
    {
        var logger = CreateLogger(logEvent: false);

        logger.LogEvent(Encoding.UTF8.GetBytes(HttpApiEvent("s", "e@example.com")));

        Assert.Empty(_capture.Lines());
    }

    [Fact]
    public void LogEvent_InformationOff_WritesNothing()
    {
        var logger = CreateLogger(level: LogLevel.Warning);

        logger.LogEvent(Encoding.UTF8.GetBytes(HttpApiEvent("s", "e@example.com")));

        Assert.Empty(_capture.Lines());
    }

    [Fact]
    public void LogEvent_InvalidJson_WarnsWithoutTheContent()
    {
        var logger = CreateLogger();
        var secret = "secret-" + Guid.NewGuid().ToString("N");

        logger.LogEvent(Encoding.UTF8.GetBytes("{\"authorization\": \"" + secret));

        var line = Assert.Single(_capture.Documents());
        Assert.Equal("Warning", line.GetProperty("level").GetString());
        Assert.DoesNotContain(secret, _capture.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LogEvent_NotAnObject_IsRedactedWhole()
    {
        var logger = CreateLogger();

        logger.LogEvent("[\"secret-value\"]"u8);

        var line = Assert.Single(_capture.Documents());
        Assert.Equal("[redacted]", line.GetProperty("message").GetString());
    }
}
