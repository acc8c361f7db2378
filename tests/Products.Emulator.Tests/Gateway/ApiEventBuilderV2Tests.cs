using System.Text;
using System.Text.Json;
using Products.Emulator.Gateway;

namespace Products.Emulator.Tests.Gateway;

public sealed class ApiEventBuilderV2Tests
{
    private static readonly DateTimeOffset Arrival = new(2026, 3, 12, 19, 3, 58, 390, TimeSpan.Zero);

    [Fact]
    public void BuildV2_GetWithParameters_WritesEveryDocumentedField()
    {
        var requestId = $"req-{Guid.NewGuid():N}";
        var request = Request("GET", "/products/a%20b", "tag=x&tag=y&q=caf%C3%A9+latte&flag",
            [("host", ["127.0.0.1"]), ("user-agent", ["xunit/1"]), ("accept", ["text/html", "application/json"]), ("x-custom", ["one, two"])]);
        var match = Match("GET", "/products/{id}", new() { ["id"] = "a b" });

        using var json = Parse(ApiEventBuilder.BuildV2(request, match, Context(requestId)));
        var root = json.RootElement;

        Assert.Equal("2.0", root.GetProperty("version").GetString());
        Assert.Equal("GET /products/{id}", root.GetProperty("routeKey").GetString());
        Assert.Equal("/products/a b", root.GetProperty("rawPath").GetString());
        Assert.Equal("tag=x&tag=y&q=caf%C3%A9+latte&flag", root.GetProperty("rawQueryString").GetString());
        Assert.False(root.TryGetProperty("cookies", out _));

        var headers = root.GetProperty("headers");
        Assert.Equal("text/html,application/json", headers.GetProperty("accept").GetString());
        Assert.Equal("one, two", headers.GetProperty("x-custom").GetString());
        Assert.Equal("xunit/1", headers.GetProperty("user-agent").GetString());
        Assert.Equal("Root=1-00000000-000000000000000000000000", headers.GetProperty("x-amzn-trace-id").GetString());

        var query = root.GetProperty("queryStringParameters");
        Assert.Equal("x,y", query.GetProperty("tag").GetString());
        Assert.Equal("café latte", query.GetProperty("q").GetString());
        Assert.Equal("", query.GetProperty("flag").GetString());

        var context = root.GetProperty("requestContext");
        Assert.Equal("123456789012", context.GetProperty("accountId").GetString());
        Assert.Equal("api1", context.GetProperty("apiId").GetString());
        Assert.Equal("api1.execute-api.local", context.GetProperty("domainName").GetString());
        Assert.Equal("api1", context.GetProperty("domainPrefix").GetString());
        var http = context.GetProperty("http");
        Assert.Equal("GET", http.GetProperty("method").GetString());
        Assert.Equal("/products/a b", http.GetProperty("path").GetString());
        Assert.Equal("HTTP/1.1", http.GetProperty("protocol").GetString());
        Assert.Equal("10.1.2.3", http.GetProperty("sourceIp").GetString());
        Assert.Equal("xunit/1", http.GetProperty("userAgent").GetString());
        Assert.Equal(requestId, context.GetProperty("requestId").GetString());
        Assert.Equal("GET /products/{id}", context.GetProperty("routeKey").GetString());
        Assert.Equal("dev", context.GetProperty("stage").GetString());
        Assert.Equal("12/Mar/2026:19:03:58 +0000", context.GetProperty("time").GetString());
        Assert.Equal(Arrival.ToUnixTimeMilliseconds(), context.GetProperty("timeEpoch").GetInt64());

        Assert.Equal("a b", root.GetProperty("pathParameters").GetProperty("id").GetString());
        Assert.False(root.TryGetProperty("body", out _));
        Assert.False(root.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public void BuildV2_CookieHeaders_MoveToCookiesArray()
    {
        var request = Request("GET", "/", "", [("cookie", ["a=1; b=2", "c=3"]), ("host", ["h"])]);

        using var json = Parse(ApiEventBuilder.BuildV2(request, Match("GET", "/", new()), Context("r")));

        var cookies = json.RootElement.GetProperty("cookies").EnumerateArray().Select(c => c.GetString()!).ToArray();
        Assert.Equal(["a=1", "b=2", "c=3"], cookies);
        Assert.False(json.RootElement.GetProperty("headers").TryGetProperty("cookie", out _));
    }

    [Fact]
    public void BuildV2_JsonBody_IsText()
    {
        var body = $$"""{"name":"Lamp {{Guid.NewGuid():N}}","price":12.5}""";
        var request = Request("POST", "/products", "", [("content-type", ["application/json; charset=utf-8"])], Encoding.UTF8.GetBytes(body));

        using var json = Parse(ApiEventBuilder.BuildV2(request, Match("POST", "/products", new()), Context("r")));

        Assert.Equal(body, json.RootElement.GetProperty("body").GetString());
        Assert.False(json.RootElement.GetProperty("isBase64Encoded").GetBoolean());
        Assert.False(json.RootElement.TryGetProperty("queryStringParameters", out _));
        Assert.False(json.RootElement.TryGetProperty("pathParameters", out _));
    }

    [Theory]
    [InlineData("application/octet-stream")]
    [InlineData("image/png")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public void BuildV2_NonTextBody_IsBase64(string? contentType)
    {
        byte[] bytes = [0x00, 0xFF, 0x10, 0x80, (byte)Random.Shared.Next(256)];
        var headers = contentType is null ? new List<(string, string[])>() : [("content-type", [contentType])];
        var request = Request("PUT", "/blob", "", headers, bytes);

        using var json = Parse(ApiEventBuilder.BuildV2(request, Match("PUT", "/blob", new()), Context("r")));

        Assert.True(json.RootElement.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(bytes, Convert.FromBase64String(json.RootElement.GetProperty("body").GetString()!));
    }

    [Fact]
    public void BuildV2_ClientTraceHeader_IsKept()
    {
        var request = Request("GET", "/", "", [("x-amzn-trace-id", ["Root=1-abc"])]);

        using var json = Parse(ApiEventBuilder.BuildV2(request, Match("GET", "/", new()), Context("r")));

        Assert.Equal("Root=1-abc", json.RootElement.GetProperty("headers").GetProperty("x-amzn-trace-id").GetString());
    }

    [Fact]
    public void BuildV2_DefaultRoute_UsesDollarDefaultRouteKey()
    {
        var route = new RouteDefinition("ANY", "$default", "Fn", PayloadFormat.V2);
        var match = new RouteMatch(route, new Dictionary<string, string>());

        using var json = Parse(ApiEventBuilder.BuildV2(Request("GET", "/x", "", []), match, Context("r")));

        Assert.Equal("$default", json.RootElement.GetProperty("routeKey").GetString());
        Assert.Equal("$default", json.RootElement.GetProperty("requestContext").GetProperty("routeKey").GetString());
    }

    internal static ApiRequest Request(string method, string path, string query, List<(string Name, string[] Values)> headers, byte[]? body = null) =>
        new(method, path, query,
            headers.Select(h => new KeyValuePair<string, IReadOnlyList<string>>(h.Name, h.Values)).ToArray(),
            "10.1.2.3", "HTTP/1.1", body ?? []);

    internal static RouteMatch Match(string method, string template, Dictionary<string, string> parameters, PayloadFormat format = PayloadFormat.V2) =>
        new(new RouteDefinition(method, template, "Fn", format), parameters);

    internal static ApiEventContext Context(string requestId) =>
        new("dev", requestId, Arrival, "api1", "123456789012", "api1.execute-api.local", "Root=1-00000000-000000000000000000000000");

    internal static JsonDocument Parse(byte[] json) => JsonDocument.Parse(json);
}
