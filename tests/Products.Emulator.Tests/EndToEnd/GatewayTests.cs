using System.Net;
using System.Net.Http.Headers;

namespace Products.Emulator.Tests.EndToEnd;

/// <summary>What API Gateway answers itself, in front of the real functions: CORS preflight, unknown routes, 413.</summary>
[Collection(SharedApi.Name)]
public sealed class GatewayTests(SharedApi.Fixture api)
{
    // template.yaml's AllowedOrigins default.
    private const string AllowedOrigin = "http://localhost:3000";

    [Fact]
    public async Task Preflight_FromAllowedOrigin_GetsTheCorsHeaders()
    {
        var answer = await PreflightAsync(AllowedOrigin);

        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
        Assert.Equal(AllowedOrigin, answer.Header("Access-Control-Allow-Origin"));
        Assert.Contains("POST", answer.Header("Access-Control-Allow-Methods")!.Split(','));
        Assert.Contains("content-type", answer.Header("Access-Control-Allow-Headers")!.Split(','));
        Assert.Equal("600", answer.Header("Access-Control-Max-Age"));
    }

    [Fact]
    public async Task Preflight_FromOtherOrigin_GetsNoCorsHeaders()
    {
        var answer = await PreflightAsync("https://evil.example");

        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
        Assert.Null(answer.Header("Access-Control-Allow-Origin"));
        Assert.Null(answer.Header("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Request_UnknownRoute_Returns404NotFound()
    {
        var answer = await ProductsClient.SendAsync(api.Client, new HttpRequestMessage(HttpMethod.Get, $"orders/{Guid.NewGuid():N}"));

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("""{"message":"Not Found"}""", answer.Text);
    }

    [Fact]
    public async Task Post_BodyOverTenMegabytes_Returns413()
    {
        var content = new ByteArrayContent(new byte[(10 * 1024 * 1024) + 1]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var answer = await ProductsClient.SendAsync(api.Client, new HttpRequestMessage(HttpMethod.Post, "products") { Content = content });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        var line = await AccessLog.LineAsync(api, answer);
        Assert.Contains(" 413 ", line);
        Assert.Contains(" - - ", line); // no function ran
    }

    private Task<ApiAnswer> PreflightAsync(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "products");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return ProductsClient.SendAsync(api.Client, request);
    }
}
