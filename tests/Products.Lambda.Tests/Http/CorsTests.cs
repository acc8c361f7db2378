using Products.Lambda.ApiGateway;
using Products.Lambda.Environment;
using Products.Lambda.Http;

namespace Products.Lambda.Tests.Http;

public sealed class CorsTests
{
    private static CorsPolicy PolicyFor(string allowedOrigins) =>
        CorsPolicy.FromEnvironment(new DictionaryEnvironment(
            new Dictionary<string, string> { [EnvironmentVariableNames.AllowedOrigins] = allowedOrigins }));

    private static string NewOrigin() => $"https://{Guid.NewGuid():N}.example.com";

    [Fact]
    public void FromEnvironment_CommaSeparatedOrigins_AreTrimmed()
    {
        var first = NewOrigin();
        var second = NewOrigin();

        var policy = PolicyFor($" {first} ,{second}/ ,, ");

        Assert.Equal([first, second], policy.AllowedOrigins);
        Assert.Contains("Location", policy.ExposedHeaders);
        Assert.Contains("Retry-After", policy.ExposedHeaders);
        Assert.Contains("Idempotent-Replayed", policy.ExposedHeaders);
        Assert.Contains("Idempotency-Key", policy.AllowedHeaders);
        Assert.True(policy.MaxAgeSeconds > 0);
    }

    [Fact]
    public void FromEnvironment_Unset_AllowsNoOrigin()
    {
        var policy = CorsPolicy.FromEnvironment(new DictionaryEnvironment(new Dictionary<string, string>()));

        Assert.Empty(policy.AllowedOrigins);
        Assert.False(policy.AllowsOrigin(NewOrigin()));
    }

    [Theory]
    [InlineData("https://SHOP.example.com", true)]
    [InlineData("https://shop.example.com", true)]
    [InlineData("http://shop.example.com", false)]
    [InlineData("https://shop.example.com.evil.test", false)]
    [InlineData("https://shop.example.com\r\nX: y", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void AllowsOrigin_ComparesWholeOriginIgnoringCase(string? origin, bool expected)
    {
        var policy = PolicyFor("https://shop.example.com");

        Assert.Equal(expected, policy.AllowsOrigin(origin));
    }

    [Fact]
    public void Render_HttpApiRequest_AddsNoCorsHeadersBecauseTheHttpApiOwnsCors()
    {
        var origin = NewOrigin();
        var renderer = new ApiResultRenderer(PolicyFor(origin));

        var response = renderer.Render(new ApiResult.Ok("ok"), Rendered.Request(origin: origin, format: PayloadFormat.V2));

        Assert.DoesNotContain(response.Headers, header => header.Key.StartsWith("Access-Control-", StringComparison.Ordinal));
        Assert.Null(Rendered.Header(response, "Vary"));
    }

    [Fact]
    public void Render_AllowedOrigin_EchoesOriginWithVaryAndExposedHeaders()
    {
        var origin = NewOrigin();
        var renderer = new ApiResultRenderer(PolicyFor($"{NewOrigin()},{origin}"));

        var response = renderer.Render(new ApiResult.Ok("ok"), Rendered.Request(origin: origin, format: PayloadFormat.V1));

        Assert.Equal(origin, Rendered.Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("Origin", Rendered.Header(response, "Vary"));
        Assert.Equal("Location, Retry-After, Idempotent-Replayed", Rendered.Header(response, "Access-Control-Expose-Headers"));
    }

    [Fact]
    public void Render_OriginNotAllowed_HasNoAllowOriginButVaries()
    {
        var renderer = new ApiResultRenderer(PolicyFor(NewOrigin()));

        var response = renderer.Render(new ApiResult.NotFound("Product not found"), Rendered.Request(origin: NewOrigin(), format: PayloadFormat.V1));

        Assert.Null(Rendered.Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(Rendered.Header(response, "Access-Control-Expose-Headers"));
        Assert.Equal("Origin", Rendered.Header(response, "Vary"));
    }

    [Fact]
    public void Render_WildcardPolicy_EchoesAnyOrigin()
    {
        var origin = NewOrigin();
        var renderer = new ApiResultRenderer(PolicyFor("*"));

        var response = renderer.Render(new ApiResult.InternalError(), Rendered.Request(origin: origin, format: PayloadFormat.V1));

        Assert.Equal(origin, Rendered.Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public void Render_NoOriginHeader_HasNoAllowOrigin()
    {
        var renderer = new ApiResultRenderer(PolicyFor("*"));

        var response = renderer.Render(new ApiResult.Ok("ok"), Rendered.Request(format: PayloadFormat.V1));

        Assert.Null(Rendered.Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public void Render_NoCorsPolicy_AddsNoCorsHeaders()
    {
        var renderer = new ApiResultRenderer(CorsPolicy.None);

        var response = renderer.Render(new ApiResult.Ok("ok"), Rendered.Request(origin: NewOrigin(), format: PayloadFormat.V1));

        Assert.DoesNotContain(response.Headers, header => header.Key.StartsWith("Access-Control-", StringComparison.Ordinal));
        Assert.Null(Rendered.Header(response, "Vary"));
    }
}
