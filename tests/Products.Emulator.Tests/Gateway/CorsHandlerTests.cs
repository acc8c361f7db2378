using Products.Emulator.Template;
using Products.Emulator.Gateway;

namespace Products.Emulator.Tests.Gateway;

public sealed class CorsHandlerTests
{
    private static readonly CorsDefinition Settings = new(
        ["http://localhost:3000", "https://*"], ["GET", "POST", "OPTIONS"], ["content-type", "authorization"], ["location"], 600, false);

    [Fact]
    public void Preflight_AllowedOrigin_Returns204WithConfiguredHeaders()
    {
        var response = new CorsHandler(Settings).Preflight("http://localhost:3000");

        Assert.Equal(204, response.StatusCode);
        Assert.Equal("http://localhost:3000", response.Header("access-control-allow-origin"));
        Assert.Equal("GET,POST,OPTIONS", response.Header("access-control-allow-methods"));
        Assert.Equal("content-type,authorization", response.Header("access-control-allow-headers"));
        Assert.Equal("600", response.Header("access-control-max-age"));
        Assert.Null(response.Header("access-control-allow-credentials"));
        Assert.True(response.Body.IsEmpty);
    }

    [Fact]
    public void Preflight_OtherOrigin_Returns204WithoutCorsHeaders()
    {
        var response = new CorsHandler(Settings).Preflight($"http://evil-{Guid.NewGuid():N}.example");

        Assert.Equal(204, response.StatusCode);
        Assert.Empty(response.Headers);
    }

    [Fact]
    public void Preflight_SchemeWildcard_EchoesMatchingOrigin()
    {
        var origin = $"https://{Guid.NewGuid():N}.example";

        var response = new CorsHandler(Settings).Preflight(origin);

        Assert.Equal(origin, response.Header("access-control-allow-origin"));
    }

    [Fact]
    public void Apply_AllowedOrigin_ReplacesFunctionCorsHeaders()
    {
        var fromFunction = new GatewayResponse(200,
            [new("Content-Type", "application/json"), new("Access-Control-Allow-Origin", "*"), new("access-control-allow-methods", "DELETE")],
            "{}"u8.ToArray());

        var response = new CorsHandler(Settings).Apply(fromFunction, "http://localhost:3000");

        Assert.Equal(["http://localhost:3000"], response.HeaderValues("access-control-allow-origin"));
        Assert.Null(response.Header("access-control-allow-methods"));
        Assert.Equal("location", response.Header("access-control-expose-headers"));
        Assert.Equal("Origin", response.Header("vary"));
        Assert.Equal("application/json", response.Header("content-type"));
    }

    [Fact]
    public void Apply_DisallowedOrMissingOrigin_StripsFunctionCorsHeadersOnly()
    {
        var fromFunction = new GatewayResponse(200, [new("Access-Control-Allow-Origin", "*"), new("X-Keep", "1")], "{}"u8.ToArray());
        var handler = new CorsHandler(Settings);

        var denied = handler.Apply(fromFunction, "http://other.example");
        var noOrigin = handler.Apply(fromFunction, null);

        Assert.Equal([new("X-Keep", "1")], denied.Headers);
        Assert.Equal([new("X-Keep", "1")], noOrigin.Headers);
    }

    [Fact]
    public void Apply_StarOriginWithCredentialsOff_ReturnsStarWithoutVary()
    {
        var handler = new CorsHandler(Settings with { AllowOrigins = ["*"] });

        var response = handler.Apply(new GatewayResponse(200, [], ReadOnlyMemory<byte>.Empty), "http://any.example");

        Assert.Equal("*", response.Header("access-control-allow-origin"));
        Assert.Null(response.Header("vary"));
    }

    [Fact]
    public void Apply_Credentials_AddsAllowCredentials()
    {
        var handler = new CorsHandler(Settings with { AllowCredentials = true });

        var response = handler.Apply(new GatewayResponse(200, [], ReadOnlyMemory<byte>.Empty), "http://localhost:3000");

        Assert.Equal("true", response.Header("access-control-allow-credentials"));
    }

    [Fact]
    public void Constructor_CredentialsWithStarOrigin_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CorsHandler(Settings with { AllowOrigins = ["*"], AllowCredentials = true }));
    }

    [Fact]
    public void IsPreflight_NeedsOptionsOriginAndRequestMethod()
    {
        var preflight = ApiEventBuilderV2Tests.Request("OPTIONS", "/products", "",
            [("origin", ["http://localhost:3000"]), ("access-control-request-method", ["POST"])]);
        var plainOptions = ApiEventBuilderV2Tests.Request("OPTIONS", "/products", "", [("origin", ["http://localhost:3000"])]);

        Assert.True(CorsHandler.IsPreflight(preflight));
        Assert.False(CorsHandler.IsPreflight(plainOptions));
    }
}
