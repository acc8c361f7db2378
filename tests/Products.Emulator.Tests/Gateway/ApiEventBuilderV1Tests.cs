using System.Text;
using System.Text.Json;
using Products.Emulator.Gateway;
using static Products.Emulator.Tests.Gateway.ApiEventBuilderV2Tests;

namespace Products.Emulator.Tests.Gateway;

public sealed class ApiEventBuilderV1Tests
{
    [Fact]
    public void BuildV1_Request_WritesRestShapedEvent()
    {
        var requestId = $"req-{Guid.NewGuid():N}";
        var request = Request("POST", "/products/7/notes", "tag=x&tag=y&one=1",
            [("accept", ["text/html", "application/json"]), ("content-type", ["text/plain"]), ("cookie", ["a=1"]), ("user-agent", ["ua"])],
            Encoding.UTF8.GetBytes("hello"));
        var match = Match("POST", "/products/{id}/notes", new() { ["id"] = "7" }, PayloadFormat.V1);

        using var json = JsonDocument.Parse(ApiEventBuilder.BuildV1(request, match, Context(requestId)));
        var root = json.RootElement;

        Assert.Equal("1.0", root.GetProperty("version").GetString());
        Assert.Equal("/products/{id}/notes", root.GetProperty("resource").GetString());
        Assert.Equal("/products/7/notes", root.GetProperty("path").GetString());
        Assert.Equal("POST", root.GetProperty("httpMethod").GetString());
        Assert.Equal("application/json", root.GetProperty("headers").GetProperty("accept").GetString());
        Assert.Equal("a=1", root.GetProperty("headers").GetProperty("cookie").GetString());
        Assert.Equal(["text/html", "application/json"], Strings(root.GetProperty("multiValueHeaders").GetProperty("accept")));
        Assert.Equal("y", root.GetProperty("queryStringParameters").GetProperty("tag").GetString());
        Assert.Equal(["x", "y"], Strings(root.GetProperty("multiValueQueryStringParameters").GetProperty("tag")));
        Assert.Equal(["1"], Strings(root.GetProperty("multiValueQueryStringParameters").GetProperty("one")));
        Assert.Equal("7", root.GetProperty("pathParameters").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("stageVariables").ValueKind);
        Assert.Equal("hello", root.GetProperty("body").GetString());
        Assert.False(root.GetProperty("isBase64Encoded").GetBoolean());

        var context = root.GetProperty("requestContext");
        Assert.Equal(requestId, context.GetProperty("requestId").GetString());
        Assert.Equal(requestId, context.GetProperty("extendedRequestId").GetString());
        Assert.Equal("POST", context.GetProperty("httpMethod").GetString());
        Assert.Equal("/products/{id}/notes", context.GetProperty("resourcePath").GetString());
        Assert.Equal("/products/7/notes", context.GetProperty("path").GetString());
        Assert.Equal("dev", context.GetProperty("stage").GetString());
        Assert.Equal("12/Mar/2026:19:03:58 +0000", context.GetProperty("requestTime").GetString());
        Assert.Equal("10.1.2.3", context.GetProperty("identity").GetProperty("sourceIp").GetString());
        Assert.Equal("ua", context.GetProperty("identity").GetProperty("userAgent").GetString());
        Assert.Equal(JsonValueKind.Null, context.GetProperty("identity").GetProperty("caller").ValueKind);
    }

    [Fact]
    public void BuildV1_NoQueryNoParametersNoBody_WritesNulls()
    {
        using var json = JsonDocument.Parse(ApiEventBuilder.BuildV1(Request("GET", "/products", "", []),
            Match("GET", "/products", new(), PayloadFormat.V1), Context("r")));
        var root = json.RootElement;

        Assert.Equal(JsonValueKind.Null, root.GetProperty("queryStringParameters").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("multiValueQueryStringParameters").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("pathParameters").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("body").ValueKind);
        Assert.False(root.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public void BuildV1_BinaryBody_IsBase64()
    {
        byte[] bytes = [1, 2, 3, 250, (byte)Random.Shared.Next(256)];
        var request = Request("POST", "/upload", "", [("content-type", ["application/octet-stream"])], bytes);

        using var json = JsonDocument.Parse(ApiEventBuilder.BuildV1(request, Match("POST", "/upload", new(), PayloadFormat.V1), Context("r")));

        Assert.True(json.RootElement.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(bytes, Convert.FromBase64String(json.RootElement.GetProperty("body").GetString()!));
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
