using System.Text;
using Products.Emulator.Gateway;

namespace Products.Emulator.Tests.Gateway;

public sealed class ApiResponseMapperTests
{
    [Fact]
    public void TryMap_V2JsonString_InfersOkWithStringContentAsBody()
    {
        var text = $"Hello {Guid.NewGuid():N}";

        Assert.True(ApiResponseMapper.TryMap(Utf8($"\"{text}\""), PayloadFormat.V2, out var response));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/json", response.Header("content-type"));
        Assert.Equal(text, Text(response));
    }

    [Theory]
    [InlineData("""{ "message": "Hello from Lambda!" }""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""42""")]
    [InlineData("""{"body":"not used as body","headers":{"x":"y"}}""")]
    public void TryMap_V2JsonWithoutStatusCode_InfersOkWithJsonTextAsBody(string payload)
    {
        Assert.True(ApiResponseMapper.TryMap(Utf8(payload), PayloadFormat.V2, out var response));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/json", response.Header("content-type"));
        Assert.Null(response.Header("x"));
        Assert.Equal(payload, Text(response));
    }

    [Fact]
    public void TryMap_V2Structured_PassesStatusHeadersCookiesAndBody()
    {
        var id = Guid.NewGuid().ToString("N");
        var payload = $$"""
            {"statusCode":201,"headers":{"Content-Type":"application/json; charset=utf-8","Location":"/products/{{id}}","X-Count":3,"Set-Cookie":"h=1","Content-Length":"999"},
             "cookies":["a=1; Path=/","b=2"],"body":"{\"id\":\"{{id}}\"}","isBase64Encoded":false}
            """;

        Assert.True(ApiResponseMapper.TryMap(Utf8(payload), PayloadFormat.V2, out var response));

        Assert.Equal(201, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Header("content-type"));
        Assert.Equal($"/products/{id}", response.Header("location"));
        Assert.Equal("3", response.Header("x-count"));
        Assert.Equal(["a=1; Path=/", "b=2", "h=1"], response.HeaderValues("set-cookie"));
        Assert.Null(response.Header("content-length"));
        Assert.Equal($$"""{"id":"{{id}}"}""", Text(response));
    }

    [Fact]
    public void TryMap_V2StructuredWithoutContentType_DefaultsToTextPlain()
    {
        Assert.True(ApiResponseMapper.TryMap(Utf8("""{"statusCode":204}"""), PayloadFormat.V2, out var response));

        Assert.Equal(204, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Header("content-type"));
        Assert.True(response.Body.IsEmpty);
    }

    [Fact]
    public void TryMap_Base64Body_IsDecoded()
    {
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, (byte)Random.Shared.Next(256)];
        var payload = $$"""{"statusCode":200,"headers":{"content-type":"image/png"},"body":"{{Convert.ToBase64String(bytes)}}","isBase64Encoded":true}""";

        Assert.True(ApiResponseMapper.TryMap(Utf8(payload), PayloadFormat.V2, out var response));

        Assert.Equal(bytes, response.Body.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"statusCode":"abc"}""")]
    [InlineData("""{"statusCode":99}""")]
    [InlineData("""{"statusCode":200.5}""")]
    [InlineData("""{"statusCode":null}""")]
    [InlineData("""{"statusCode":200,"body":{"a":1}}""")]
    [InlineData("""{"statusCode":200,"headers":["x"]}""")]
    [InlineData("""{"statusCode":200,"headers":{"x":{"y":1}}}""")]
    [InlineData("""{"statusCode":200,"cookies":"a=1"}""")]
    [InlineData("""{"statusCode":200,"body":"***","isBase64Encoded":true}""")]
    [InlineData("""{"statusCode":200,"isBase64Encoded":"yes"}""")]
    public void TryMap_V2Malformed_ReturnsFalse(string payload)
    {
        Assert.False(ApiResponseMapper.TryMap(Utf8(payload), PayloadFormat.V2, out _));
    }

    [Theory]
    [InlineData("\"just a string\"")]
    [InlineData("""{"body":"no status"}""")]
    public void TryMap_V1WithoutStatusCode_ReturnsFalse(string payload)
    {
        Assert.False(ApiResponseMapper.TryMap(Utf8(payload), PayloadFormat.V1, out _));
    }

    [Fact]
    public void TryMap_V1_MergesHeadersAndMultiValueHeaders()
    {
        var payload = """
            {"statusCode":200,"headers":{"X-A":"1","X-B":"solo"},"multiValueHeaders":{"X-A":["1","2"],"Set-Cookie":["s=1","t=2"]},"body":"ok"}
            """;

        Assert.True(ApiResponseMapper.TryMap(Utf8(payload), PayloadFormat.V1, out var response));

        Assert.Equal(["1", "2"], response.HeaderValues("x-a"));
        Assert.Equal(["solo"], response.HeaderValues("x-b"));
        Assert.Equal(["s=1", "t=2"], response.HeaderValues("set-cookie"));
        Assert.Equal("text/plain; charset=utf-8", response.Header("content-type"));
        Assert.Equal("ok", Text(response));
    }

    [Fact]
    public void TryMap_V1CookiesMember_IsNotAV1Field()
    {
        Assert.True(ApiResponseMapper.TryMap(Utf8("""{"statusCode":200,"cookies":["a=1"]}"""), PayloadFormat.V1, out var response));

        Assert.Empty(response.HeaderValues("set-cookie"));
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(GatewayResponse response) => Encoding.UTF8.GetString(response.Body.Span);
}
