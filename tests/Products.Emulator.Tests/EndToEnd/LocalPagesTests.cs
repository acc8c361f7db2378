using System.Net;
using System.Net.Http.Headers;
using Products.Emulator.Auth;
using Products.Testing;
using YamlDotNet.RepresentationModel;

namespace Products.Emulator.Tests.EndToEnd;

/// <summary>
/// The emulator's reserved <c>/_local/</c> prefix over HTTP (docs/local-run.md): the OpenAPI document with this API as
/// its server, the local issuer's token endpoint, and 404 JSON for anything else under the prefix.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class LocalPagesTests(SharedApi.Fixture api) : IDisposable
{
    private readonly HttpClient anonymous = new() { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

    [Fact]
    public async Task OpenApiDocument_IsTheRepositorysDocument_WithThisApiAsItsOnlyServer_AsTheClientNamedIt()
    {
        using var byAddress = new HttpRequestMessage(HttpMethod.Get, "_local/openapi.yaml");
        using var byName = new HttpRequestMessage(HttpMethod.Get, "_local/openapi.yaml");
        byName.Headers.Host = $"localhost:{api.BaseAddress.Port}";
        using var elsewhere = new HttpRequestMessage(HttpMethod.Get, "_local/openapi.yaml");
        elsewhere.Headers.Host = "attacker.example:443";

        var served = await ProductsClient.SendAsync(anonymous, byAddress);
        var named = await ProductsClient.SendAsync(anonymous, byName);
        var redirected = await ProductsClient.SendAsync(anonymous, elsewhere);

        Assert.Equal(HttpStatusCode.OK, served.Status);
        Assert.StartsWith("application/yaml", served.Header("Content-Type"), StringComparison.Ordinal);
        var document = Root(served.Text);
        var original = Root(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "openapi.yaml")));
        Assert.Equal($"http://127.0.0.1:{api.BaseAddress.Port}", ServerUrl(document));
        Assert.Equal($"http://localhost:{api.BaseAddress.Port}", ServerUrl(Root(named.Text)));
        Assert.Equal($"http://127.0.0.1:{api.BaseAddress.Port}", ServerUrl(Root(redirected.Text)));
        foreach (var key in new[] { "openapi", "info", "paths", "components" })
        {
            Assert.Equal(Text(original, key), Text(document, key));
        }
    }

    [Fact]
    public async Task TokenEndpoint_GrantsAClientCredentialsTokenWithTheWriteScope_ThatCreates_AndRefusesOtherGrants()
    {
        var granted = await ProductsClient.SendAsync(anonymous, TokenRequest("grant_type=client_credentials&scope=products%2Fwrite"));
        var token = granted.Body.GetProperty("access_token").GetString()!;
        using var create = new HttpRequestMessage(HttpMethod.Post, "products")
        {
            Content = ProductsClient.Json("""{"name":"Token endpoint lamp","price":5}"""),
        };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var created = await ProductsClient.SendAsync(anonymous, create);
        var refused = await ProductsClient.SendAsync(anonymous, TokenRequest("grant_type=password&username=a&password=b"));
        var read = await ProductsClient.SendAsync(anonymous, new HttpRequestMessage(HttpMethod.Get, "_local/issuer/token"));

        Assert.Equal(HttpStatusCode.OK, granted.Status);
        Assert.Equal("no-store", granted.Header("Cache-Control"));
        Assert.Equal("Bearer", granted.Body.GetProperty("token_type").GetString());
        Assert.Equal("products/write", granted.Body.GetProperty("scope").GetString());
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(LocalIssuer.DefaultSubject, created.Body.GetProperty("data").GetProperty("createdBy").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("unsupported_grant_type", refused.Body.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.NotFound, read.Status);
    }

    [Theory]
    [InlineData("GET", "_local/")]
    [InlineData("GET", "_local/openapi.json")]
    [InlineData("GET", "_local/docs/swagger-ui/index.html")]
    [InlineData("GET", "_local/docs/swagger-ui/swagger-ui.js")]
    [InlineData("POST", "_local/docs")]
    [InlineData("GET", "_local/products")]
    public async Task UnknownPathUnderTheReservedPrefix_Is404Json_WithoutCorsHeaders(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Origin", "http://localhost:3000");

        var answer = await ProductsClient.SendAsync(anonymous, request);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("""{"message":"Not Found"}""", answer.Text);
        Assert.Null(answer.Header("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage TokenRequest(string form) => new(HttpMethod.Post, "_local/issuer/token")
    {
        Content = new StringContent(form, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"),
    };

    private static YamlMappingNode Root(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string ServerUrl(YamlMappingNode document)
    {
        var server = Assert.Single(((YamlSequenceNode)document["servers"]).Children);
        return ((YamlScalarNode)((YamlMappingNode)server)["url"]).Value!;
    }

    // A node as canonical text, so two documents compare by content, not by layout.
    private static string Text(YamlMappingNode document, string key)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(document[key])).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    public void Dispose() => anonymous.Dispose();
}
