using Products.Emulator.Template;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Products.Emulator.Gateway;

namespace Products.Emulator.Tests.Gateway;

public sealed class GatewayHttpTests
{
    private static readonly RouteDefinition[] ProductRoutes =
    [
        new("GET", "/products", "ListProductsFunction", PayloadFormat.V2),
        new("POST", "/products", "CreateProductFunction", PayloadFormat.V2),
        new("GET", "/products/{id}", "GetProductFunction", PayloadFormat.V2),
        new("GET", "/legacy/{id}", "LegacyFunction", PayloadFormat.V1),
    ];

    private static readonly CorsDefinition Cors = new(
        ["http://localhost:3000"], ["GET", "POST", "OPTIONS"], ["content-type", "authorization"], ["location"], 600, false);

    [Fact]
    public async Task Request_UnmatchedRoute_Returns404NotFound()
    {
        var invoker = FakeFunctionInvoker.ReturningJson("{}");
        await using var gateway = await Gateway.StartAsync(invoker);

        using var response = await gateway.Client.GetAsync($"orders/{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"message":"Not Found"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches("^[A-Za-z0-9_-]{15}=$", Assert.Single(response.Headers.GetValues("apigw-requestid")));
        Assert.Empty(invoker.Calls);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Request_BodyOverTenMegabytes_Returns413WithoutInvoking(bool chunked)
    {
        var invoker = FakeFunctionInvoker.ReturningJson("{}");
        await using var gateway = await Gateway.StartAsync(invoker);
        var body = new byte[GatewayLimits.MaxPayloadBytes + 1];
        HttpContent content = chunked ? new StreamContent(new NonSeekableStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        using var response = await gateway.Client.PostAsync("products", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("""{"message":"Request Entity Too Large"}""", await response.Content.ReadAsStringAsync());
        Assert.Empty(invoker.Calls);
    }

    [Fact]
    public async Task Request_PathOverKestrelsDefaultButWithinTheHttpApiQuota_IsInvoked()
    {
        // 9,000 characters: over Kestrel's 8 KB request-line default, under the HTTP API's 10,240 bytes.
        var invoker = FakeFunctionInvoker.ReturningJson("""{"statusCode":400}""");
        await using var gateway = await Gateway.StartAsync(invoker);

        using var response = await gateway.Client.GetAsync("products/" + new string('9', 9000));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(invoker.Calls);
    }

    [Fact]
    public async Task Request_BodyAtTheLimit_IsInvoked()
    {
        var invoker = FakeFunctionInvoker.ReturningJson("""{"statusCode":202}""");
        await using var gateway = await Gateway.StartAsync(invoker);

        using var response = await gateway.Client.PostAsync("products", new ByteArrayContent(new byte[GatewayLimits.MaxPayloadBytes]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Single(invoker.Calls);
    }

    [Theory]
    [InlineData("FunctionError", 502, """{"message":"Internal Server Error"}""")]
    [InlineData("FunctionTimeout", 502, """{"message":"Internal Server Error"}""")]
    [InlineData("Crashed", 502, """{"message":"Internal Server Error"}""")]
    [InlineData("ResponseTooLarge", 502, """{"message":"Internal Server Error"}""")]
    [InlineData("Throttled", 429, """{"message":"Too Many Requests"}""")]
    [InlineData("BadStatusCode", 502, """{"message":"Internal Server Error"}""")]
    [InlineData("NotJson", 502, """{"message":"Internal Server Error"}""")]
    [InlineData("UnsendableHeader", 502, """{"message":"Internal Server Error"}""")]
    public async Task Request_FailedInvocation_ReturnsAwsError(string outcome, int expectedStatus, string expectedBody)
    {
        InvokeResult result = outcome switch
        {
            "FunctionError" => new InvokeResult.FunctionError("System.InvalidOperationException"),
            "FunctionTimeout" => new InvokeResult.Timeout(),
            "Crashed" => new InvokeResult.Crashed(),
            "ResponseTooLarge" => new InvokeResult.ResponseTooLarge(),
            "Throttled" => new InvokeResult.Throttled(),
            "BadStatusCode" => new InvokeResult.Success("""{"statusCode":"oops"}"""u8.ToArray(), false, null),
            "NotJson" => new InvokeResult.Success("not json"u8.ToArray(), false, null),
            _ => new InvokeResult.Success("""{"statusCode":200,"headers":{"X-Bad":"a\nb"}}"""u8.ToArray(), false, null),
        };
        await using var gateway = await Gateway.StartAsync(FakeFunctionInvoker.Returning(result));

        using var response = await gateway.Client.GetAsync($"products/{Guid.NewGuid():N}");

        Assert.Equal(expectedStatus, (int)response.StatusCode);
        Assert.Equal(expectedBody, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Request_FunctionSlowerThanIntegrationTimeout_Returns503ServiceUnavailable()
    {
        var invoker = new FakeFunctionInvoker(async (_, _, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new InvokeResult.Crashed();
        });
        var log = new AccessLogSink();
        await using var gateway = await Gateway.StartAsync(invoker, log, options => options with { IntegrationTimeout = TimeSpan.FromMilliseconds(200) });

        using var response = await gateway.Client.GetAsync("products");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("""{"message":"Service Unavailable"}""", await response.Content.ReadAsStringAsync());
        Assert.Contains(" ListProductsFunction - error=IntegrationTimeout ", await log.NextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_StructuredV2Response_PassesStatusHeadersCookiesAndBody()
    {
        var id = Guid.NewGuid().ToString("N");
        var invoker = FakeFunctionInvoker.ReturningJson($$"""
            {"statusCode":201,"headers":{"content-type":"application/json; charset=utf-8","location":"/products/{{id}}"},
             "cookies":["session={{id}}; HttpOnly","theme=dark"],"body":"{\"id\":\"{{id}}\"}"}
            """);
        await using var gateway = await Gateway.StartAsync(invoker);

        using var response = await gateway.Client.PostAsync("products?dry=1", new StringContent($$"""{"name":"{{id}}"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/products/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal([$"session={id}; HttpOnly", "theme=dark"], response.Headers.GetValues("Set-Cookie"));
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal($$"""{"id":"{{id}}"}""", await response.Content.ReadAsStringAsync());

        var (function, eventJson) = Assert.Single(invoker.Calls);
        Assert.Equal("CreateProductFunction", function);
        using var sent = JsonDocument.Parse(eventJson);
        Assert.Equal("POST /products", sent.RootElement.GetProperty("routeKey").GetString());
        Assert.Equal($$"""{"name":"{{id}}"}""", sent.RootElement.GetProperty("body").GetString());
        Assert.Equal("1", sent.RootElement.GetProperty("queryStringParameters").GetProperty("dry").GetString());
        Assert.Equal("test", sent.RootElement.GetProperty("requestContext").GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Request_InferredV2Response_Returns200Json()
    {
        await using var gateway = await Gateway.StartAsync(FakeFunctionInvoker.ReturningJson("""{"items":[]}"""));

        using var response = await gateway.Client.GetAsync("products");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"items":[]}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Request_V1Route_SendsV1EventAndMapsV1Response()
    {
        var id = Guid.NewGuid().ToString("N");
        var invoker = FakeFunctionInvoker.ReturningJson("""{"statusCode":200,"multiValueHeaders":{"X-Tag":["a","b"]},"body":"v1"}""");
        await using var gateway = await Gateway.StartAsync(invoker);

        using var response = await gateway.Client.GetAsync($"legacy/{id}");

        Assert.Equal("v1", await response.Content.ReadAsStringAsync());
        Assert.Equal(["a", "b"], response.Headers.GetValues("X-Tag"));
        using var sent = JsonDocument.Parse(Assert.Single(invoker.Calls).EventJson);
        Assert.Equal("1.0", sent.RootElement.GetProperty("version").GetString());
        Assert.Equal(id, sent.RootElement.GetProperty("pathParameters").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Request_Success_WritesOneAccessLogLine()
    {
        var id = Guid.NewGuid().ToString("N");
        var log = new AccessLogSink();
        var invoker = FakeFunctionInvoker.ReturningJson("""{"statusCode":200,"body":"ok"}""", coldStart: true, init: TimeSpan.FromMilliseconds(250));
        await using var gateway = await Gateway.StartAsync(invoker, log);

        using var response = await gateway.Client.GetAsync($"products/{id}?verbose=1");

        var requestId = Assert.Single(response.Headers.GetValues("apigw-requestid"));
        var line = await log.NextAsync();
        Assert.Matches($"^GET /products/{id} 200 [0-9]+ms GetProductFunction cold init=250ms rid={Regex.Escape(requestId)}$", line);
        using var sent = JsonDocument.Parse(Assert.Single(invoker.Calls).EventJson);
        Assert.Equal(requestId, sent.RootElement.GetProperty("requestContext").GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task Request_Unmatched_LogsDashes()
    {
        var log = new AccessLogSink();
        await using var gateway = await Gateway.StartAsync(FakeFunctionInvoker.ReturningJson("{}"), log);

        using var response = await gateway.Client.DeleteAsync("products");

        Assert.Matches("^DELETE /products 404 [0-9]+ms - - rid=\\S{16}$", await log.NextAsync());
    }

    [Fact]
    public async Task Preflight_AllowedOrigin_AnsweredByGatewayWith204()
    {
        var invoker = FakeFunctionInvoker.ReturningJson("{}");
        await using var gateway = await Gateway.StartAsync(invoker, configure: o => o with { Cors = Cors });
        using var request = new HttpRequestMessage(HttpMethod.Options, "products");
        request.Headers.Add("Origin", "http://localhost:3000");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("http://localhost:3000", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("GET,POST,OPTIONS", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Equal("600", response.Headers.GetValues("Access-Control-Max-Age").Single());
        Assert.Empty(invoker.Calls);
    }

    [Fact]
    public async Task Preflight_DeniedOrigin_Returns204WithoutCorsHeaders()
    {
        await using var gateway = await Gateway.StartAsync(FakeFunctionInvoker.ReturningJson("{}"), configure: o => o with { Cors = Cors });
        using var request = new HttpRequestMessage(HttpMethod.Options, "products");
        request.Headers.Add("Origin", $"http://{Guid.NewGuid():N}.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Request_WithCors_ReplacesFunctionCorsHeaders()
    {
        var invoker = FakeFunctionInvoker.ReturningJson("""{"statusCode":200,"headers":{"Access-Control-Allow-Origin":"*"},"body":"[]"}""");
        await using var gateway = await Gateway.StartAsync(invoker, configure: o => o with { Cors = Cors });
        using var request = new HttpRequestMessage(HttpMethod.Get, "products");
        request.Headers.Add("Origin", "http://localhost:3000");

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(["http://localhost:3000"], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(["location"], response.Headers.GetValues("Access-Control-Expose-Headers"));
        Assert.Contains("Origin", response.Headers.Vary);
    }

    [Fact]
    public async Task Request_OptionsWithoutCorsConfiguration_IsRouted()
    {
        await using var gateway = await Gateway.StartAsync(FakeFunctionInvoker.ReturningJson("{}"));
        using var request = new HttpRequestMessage(HttpMethod.Options, "products");
        request.Headers.Add("Origin", "http://localhost:3000");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Request_Base64Response_SendsBytes()
    {
        byte[] bytes = [0, 1, 2, 253, (byte)Random.Shared.Next(256)];
        var invoker = FakeFunctionInvoker.ReturningJson(
            $$"""{"statusCode":200,"headers":{"content-type":"application/octet-stream"},"body":"{{Convert.ToBase64String(bytes)}}","isBase64Encoded":true}""");
        await using var gateway = await Gateway.StartAsync(invoker);

        using var response = await gateway.Client.GetAsync("products");

        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Request_InvokerThrows_Returns500WithoutExceptionText()
    {
        var secret = $"secret-{Guid.NewGuid():N}";
        var diagnostics = new AccessLogSink();
        var invoker = new FakeFunctionInvoker((_, _, _) => throw new InvalidOperationException(secret));
        await using var gateway = await Gateway.StartAsync(invoker, configure: o => o with { DiagnosticLog = diagnostics.Write });

        using var response = await gateway.Client.GetAsync("products");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("""{"message":"Internal Server Error"}""", body);
        Assert.Contains(secret, await diagnostics.NextAsync(), StringComparison.Ordinal);
    }

    /// <summary>A started gateway on a free port and a client for it.</summary>
    private sealed class Gateway : IAsyncDisposable
    {
        private readonly GatewayHost _host;

        private Gateway(GatewayHost host)
        {
            _host = host;
            Client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        }

        public HttpClient Client { get; }

        public static async Task<Gateway> StartAsync(
            IFunctionInvoker invoker, AccessLogSink? log = null, Func<GatewayOptions, GatewayOptions>? configure = null)
        {
            var options = new GatewayOptions { Stage = "test", AccessLog = (log ?? new AccessLogSink()).Write };
            options = configure?.Invoke(options) ?? options;
            var host = await GatewayHost.StartAsync(new RouteTable(ProductRoutes), invoker, options, port: 0, CancellationToken.None);
            return new Gateway(host);
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _host.DisposeAsync();
        }
    }

    /// <summary>Hides the length so HttpClient sends the body chunked.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
