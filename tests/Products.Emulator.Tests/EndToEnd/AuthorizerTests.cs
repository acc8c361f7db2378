using System.Net;
using System.Net.Sockets;
using System.Text;
using Products.Emulator.Auth;
using Products.Emulator.Tests.Auth;

namespace Products.Emulator.Tests.EndToEnd;

/// <summary>
/// The JWT authorizer in front of the real functions (docs/auth.md): writes need a local token with products/write,
/// reads need none, every hostile token is answered by the gateway itself and writes nothing.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class AuthorizerTests(SharedApi.Fixture api) : IDisposable
{
    private const string Product = """{"name":"Guarded lamp","price":3}""";

    private readonly HttpClient anonymous = api.CreateClient();

    public static TheoryData<string> HostileTokenNames => new(HostileTokenCases.Names);

    [Fact]
    public async Task Create_WithAWriteToken_Returns201_AndCreatedByIsTheTokensSubject_AlsoOnGet()
    {
        var token = api.Token("alice-" + Guid.NewGuid().ToString("N")[..8], TimeSpan.FromMinutes(5), "products/write");

        var created = await PostAsync("Bearer " + token);
        var id = created.Body.GetProperty("data").GetProperty("id").GetString()!;
        var fetched = await ProductsClient.GetAsync(anonymous, id);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var subject = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).Subject;
        Assert.Equal(subject, created.Body.GetProperty("data").GetProperty("createdBy").GetString());
        Assert.Equal(HttpStatusCode.OK, fetched.Status);
        Assert.Equal(subject, fetched.Body.GetProperty("data").GetProperty("createdBy").GetString());
    }

    [Fact]
    public async Task Reads_NeedNoToken()
    {
        var list = await ProductsClient.ListAsync(anonymous, 1, null);
        var missing = await ProductsClient.GetAsync(anonymous, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    [Fact]
    public async Task Preflight_NeedsNoToken()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "products");
        request.Headers.Add("Origin", "http://localhost:3000");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        var answer = await ProductsClient.SendAsync(anonymous, request);

        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
        Assert.Contains("authorization", answer.Header("Access-Control-Allow-Headers")!.Split(','));
    }

    [Fact]
    public async Task ValidTokenWithoutTheWriteScope_Returns403Forbidden_AndWritesNothing()
    {
        var before = await CountProductsAsync();

        var answer = await PostAsync("Bearer " + api.Token("reader", TimeSpan.FromMinutes(5), "products/read"));

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("""{"message":"Forbidden"}""", answer.Text);
        Assert.Equal(before, await CountProductsAsync());
    }

    [Theory]
    [MemberData(nameof(HostileTokenNames))]
    public async Task HostileToken_Returns401Unauthorized_WithTheFixedBody_AndWritesNothing(string name)
    {
        var issuer = api.HostedApi.Issuer!;
        var identity = HostileTokenCases.Identity(name, issuer);
        var before = await CountProductsAsync();

        var answer = await PostAsync(identity);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("""{"message":"Unauthorized"}""", answer.Text);
        Assert.Equal(before, await CountProductsAsync());
    }

    [Fact]
    public async Task TwoAuthorizationHeaderLines_Return401()
    {
        var token = api.Token("twice", TimeSpan.FromMinutes(5), "products/write");
        var body = Encoding.UTF8.GetBytes(Product);
        var head = $"POST /products HTTP/1.1\r\nHost: {api.BaseAddress.Authority}\r\nContent-Type: application/json\r\n"
                   + $"Authorization: Bearer {token}\r\nAuthorization: Bearer {token}\r\n"
                   + $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n";

        using var socket = new TcpClient();
        await socket.ConnectAsync(api.BaseAddress.Host, api.BaseAddress.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 401", response, StringComparison.Ordinal);
        Assert.EndsWith("""{"message":"Unauthorized"}""", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalIssuer_ServesItsDiscoveryDocumentAndJwks_UnderTheReservedPrefix()
    {
        var discovery = await ProductsClient.SendAsync(anonymous, new HttpRequestMessage(HttpMethod.Get, "_local/issuer/.well-known/openid-configuration"));
        var jwksUri = new Uri(discovery.Body.GetProperty("jwks_uri").GetString()!);
        var jwks = await ProductsClient.SendAsync(anonymous, new HttpRequestMessage(HttpMethod.Get, jwksUri));
        var other = await ProductsClient.SendAsync(anonymous, new HttpRequestMessage(HttpMethod.Get, "_local/nothing-here"));
        var posted = await ProductsClient.SendAsync(anonymous, new HttpRequestMessage(HttpMethod.Post, "_local/issuer/jwks"));

        Assert.Equal(HttpStatusCode.OK, discovery.Status);
        Assert.Equal(LocalIssuer.Issuer, discovery.Body.GetProperty("issuer").GetString());
        Assert.Equal(api.BaseAddress.Port, jwksUri.Port);
        Assert.Equal(HttpStatusCode.OK, jwks.Status);
        var key = Assert.Single(jwks.Body.GetProperty("keys").EnumerateArray().ToArray());
        Assert.Equal(api.HostedApi.Issuer!.KeyId, key.GetProperty("kid").GetString());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.False(key.TryGetProperty("d", out _));
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
    }

    public void Dispose() => anonymous.Dispose();

    private async Task<ApiAnswer> PostAsync(string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "products") { Content = ProductsClient.Json(Product) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await ProductsClient.SendAsync(anonymous, request);
    }

    private async Task<int> CountProductsAsync() =>
        (await ProductsClient.ListAllPagesAsync(anonymous, 100)).Sum(page => page.Count);
}
