using System.Text.Json;
using Products.Lambda.ApiGateway;

namespace Products.Lambda.Tests.ApiGateway;

public sealed class ApiGatewayResponseWriterTests
{
    private static ReadOnlyMemory<byte> Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static JsonElement WriteAndParse(ApiResponse response, PayloadFormat format)
    {
        using var document = JsonDocument.Parse(ApiGatewayResponseWriter.Write(response, format));
        return document.RootElement.Clone();
    }

    private static Dictionary<string, string> StringMembers(JsonElement element) =>
        element.EnumerateObject().ToDictionary(member => member.Name, member => member.Value.GetString()!);

    private static Dictionary<string, string[]> ArrayMembers(JsonElement element) =>
        element.EnumerateObject().ToDictionary(
            member => member.Name,
            member => member.Value.EnumerateArray().Select(value => value.GetString()!).ToArray());

    [Fact]
    public void Write_V2_HasStatusHeadersBodyAndFlag()
    {
        var body = $"{{\"message\":\"ok \\\"{Guid.NewGuid()}\\\"\"}}";
        var response = new ApiResponse(201, [new("Content-Type", "application/json"), new("Location", "/products/1")], Utf8(body));

        var root = WriteAndParse(response, PayloadFormat.V2);

        Assert.Equal(201, root.GetProperty("statusCode").GetInt32());
        Assert.Equal(
            new Dictionary<string, string> { ["Content-Type"] = "application/json", ["Location"] = "/products/1" },
            StringMembers(root.GetProperty("headers")));
        Assert.Equal(body, root.GetProperty("body").GetString());
        Assert.False(root.GetProperty("isBase64Encoded").GetBoolean());
        Assert.False(root.TryGetProperty("multiValueHeaders", out _));
        Assert.False(root.TryGetProperty("cookies", out _));
    }

    [Fact]
    public void Write_V2RepeatedHeader_IsJoinedWithCommaSpaceUnderFirstName()
    {
        var response = new ApiResponse(200, [new("Vary", "Origin"), new("vary", "Accept-Encoding")], Utf8("{}"));

        var headers = StringMembers(WriteAndParse(response, PayloadFormat.V2).GetProperty("headers"));

        Assert.Equal(new Dictionary<string, string> { ["Vary"] = "Origin, Accept-Encoding" }, headers);
    }

    [Fact]
    public void Write_V2SetCookie_GoesToCookiesOnly()
    {
        var session = $"session={Guid.NewGuid()}; Path=/; Secure; HttpOnly";
        var response = new ApiResponse(
            200,
            [new("Set-Cookie", session), new("Content-Type", "text/plain"), new("set-cookie", "theme=dark; Expires=Wed, 21 Oct 2026 07:28:00 GMT")],
            Utf8("hi"));

        var root = WriteAndParse(response, PayloadFormat.V2);

        Assert.Equal(
            [session, "theme=dark; Expires=Wed, 21 Oct 2026 07:28:00 GMT"],
            root.GetProperty("cookies").EnumerateArray().Select(cookie => cookie.GetString()));
        Assert.Equal(new Dictionary<string, string> { ["Content-Type"] = "text/plain" }, StringMembers(root.GetProperty("headers")));
    }

    [Fact]
    public void Write_V1_SplitsSingleAndMultiValueHeaders()
    {
        var response = new ApiResponse(
            200,
            [
                new("Content-Type", "application/json"),
                new("Set-Cookie", "a=1"),
                new("Link", "</p/1>; rel=\"next\""),
                new("link", "</p/0>; rel=\"prev\""),
            ],
            Utf8("{}"));

        var root = WriteAndParse(response, PayloadFormat.V1);

        Assert.Equal(200, root.GetProperty("statusCode").GetInt32());
        Assert.Equal(new Dictionary<string, string> { ["Content-Type"] = "application/json" }, StringMembers(root.GetProperty("headers")));
        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["Set-Cookie"] = ["a=1"],
                ["Link"] = ["</p/1>; rel=\"next\"", "</p/0>; rel=\"prev\""],
            },
            ArrayMembers(root.GetProperty("multiValueHeaders")));
        Assert.False(root.TryGetProperty("cookies", out _));
    }

    [Fact]
    public void Write_V1SeveralCookies_AllInMultiValueHeaders()
    {
        var response = new ApiResponse(204, [new("Set-Cookie", "a=1"), new("Set-Cookie", "b=2")], Utf8(string.Empty));

        var root = WriteAndParse(response, PayloadFormat.V1);

        Assert.Equal(new Dictionary<string, string[]> { ["Set-Cookie"] = ["a=1", "b=2"] }, ArrayMembers(root.GetProperty("multiValueHeaders")));
        Assert.Empty(StringMembers(root.GetProperty("headers")));
        Assert.Equal(string.Empty, root.GetProperty("body").GetString());
    }

    [Theory]
    [InlineData(PayloadFormat.V1)]
    [InlineData(PayloadFormat.V2)]
    public void Write_Base64Body_SetsFlagAndKeepsText(PayloadFormat format)
    {
        var encoded = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        var response = new ApiResponse(200, [new("Content-Type", "application/octet-stream")], Utf8(encoded), IsBase64Encoded: true);

        var root = WriteAndParse(response, format);

        Assert.True(root.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(encoded, root.GetProperty("body").GetString());
    }

    [Theory]
    [InlineData(PayloadFormat.V1)]
    [InlineData(PayloadFormat.V2)]
    public void Write_BodyWithQuotesControlAndNonAscii_RoundTrips(PayloadFormat format)
    {
        var body = "{\"m\":\"line1\\nline2\"}\u0001\t\"</script>\" é 😀";

        var root = WriteAndParse(new ApiResponse(200, [], Utf8(body)), format);

        Assert.Equal(body, root.GetProperty("body").GetString());
    }

    [Theory]
    [InlineData("X-Evil", "a\r\nSet-Cookie: b=1")]
    [InlineData("X-Evil", "a\nb")]
    [InlineData("X-Evil", "a\0b")]
    [InlineData("X-Ev:il", "a")]
    [InlineData("", "a")]
    public void Write_HeaderThatCouldSplitTheResponse_Throws(string name, string value)
    {
        var response = new ApiResponse(200, [new(name, value)], Utf8("{}"));

        Assert.Throws<ArgumentException>(() => ApiGatewayResponseWriter.Write(response, PayloadFormat.V2));
    }

    [Theory]
    [InlineData(99)]
    [InlineData(600)]
    public void Write_StatusOutsideHttpRange_Throws(int status)
    {
        var response = new ApiResponse(status, [], Utf8("{}"));

        Assert.Throws<ArgumentOutOfRangeException>(() => ApiGatewayResponseWriter.Write(response, PayloadFormat.V1));
    }
}
