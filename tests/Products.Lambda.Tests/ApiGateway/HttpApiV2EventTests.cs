using System.Text;
using System.Text.Json.Nodes;
using Products.Lambda.ApiGateway;

namespace Products.Lambda.Tests.ApiGateway;

public sealed class HttpApiV2EventTests
{
    [Fact]
    public void TryParse_GetWithPathParameter_MapsEveryField()
    {
        var requestId = EventJson.NewRequestId();
        var productId = Guid.NewGuid().ToString();

        var request = EventJson.Parse(EventSamples.HttpApiGetProduct(requestId, productId));

        Assert.Equal(PayloadFormat.V2, request.Format);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/products/{productId}", request.Path);
        Assert.Equal("GET /products/{id}", request.RouteKey);
        Assert.Equal(productId, request.PathParameters["id"]);
        Assert.Equal(requestId, request.RequestId);
        Assert.Equal("203.0.113.7", request.SourceIp);
        Assert.Equal("curl/8.5.0", request.UserAgent);
        Assert.Equal("$default", request.Stage);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1584039838390), request.RequestTime);
        Assert.Equal(["session=abc123", "theme=dark"], request.Cookies);
        Assert.Empty(request.Query.Names);
        Assert.False(request.HasBody);
    }

    [Fact]
    public void TryParse_RepeatedQueryParameter_SplitsFromRawQueryString()
    {
        var json = EventSamples.HttpApiListProducts(
            EventJson.NewRequestId(),
            "category=tools&category=garden&limit=10",
            """{ "category": "tools,garden", "limit": "10" }""");

        var request = EventJson.Parse(json);

        Assert.Equal(["tools", "garden"], request.Query.GetAll("category"));
        Assert.Equal("tools", request.Query.GetFirst("category"));
        Assert.Equal("10", request.Query.GetFirst("limit"));
    }

    [Fact]
    public void TryParse_QueryValueWithComma_StaysOneValue()
    {
        var json = EventSamples.HttpApiListProducts(
            EventJson.NewRequestId(),
            "tags=red,blue&tags=green",
            """{ "tags": "red,blue,green" }""");

        var request = EventJson.Parse(json);

        Assert.Equal(["red,blue", "green"], request.Query.GetAll("tags"));
    }

    [Fact]
    public void TryParse_PercentEncodedQuery_IsDecoded()
    {
        var json = EventSamples.HttpApiListProducts(
            EventJson.NewRequestId(),
            "name=caf%C3%A9+noir&nextToken=eyJrIjoxfQ%3D%3D&odd=100%zz&flag&caf%C3%A9=yes",
            """{ "name": "café noir", "nextToken": "eyJrIjoxfQ==", "odd": "100%zz", "flag": "", "café": "yes" }""");

        var request = EventJson.Parse(json);

        Assert.Equal("café noir", request.Query.GetFirst("name"));
        Assert.Equal("eyJrIjoxfQ==", request.Query.GetFirst("nextToken"));
        Assert.Equal("100%zz", request.Query.GetFirst("odd"));
        Assert.Equal(string.Empty, request.Query.GetFirst("flag"));
        Assert.Equal("yes", request.Query.GetFirst("café"));
    }

    [Fact]
    public void TryParse_QueryNames_AreCaseSensitive()
    {
        var json = EventSamples.HttpApiListProducts(EventJson.NewRequestId(), "limit=5", """{ "limit": "5" }""");

        var request = EventJson.Parse(json);

        Assert.Null(request.Query.GetFirst("LIMIT"));
        Assert.Empty(request.Query.GetAll("LIMIT"));
    }

    [Fact]
    public void TryParse_NoRawQueryString_UsesQueryStringParametersWhole()
    {
        var json = EventJson.With(
            EventSamples.HttpApiListProducts(EventJson.NewRequestId(), "ignored=1", """{ "limit": "10", "tags": "a,b" }"""),
            root => root.Remove("rawQueryString"));

        var request = EventJson.Parse(json);

        Assert.Equal("10", request.Query.GetFirst("limit"));
        Assert.Equal(["a,b"], request.Query.GetAll("tags"));
        Assert.Null(request.Query.GetFirst("ignored"));
    }

    [Fact]
    public void TryParse_HeaderNames_IgnoreCase()
    {
        var request = EventJson.Parse(EventSamples.HttpApiCreateProduct(
            EventJson.NewRequestId(), "{}", isBase64Encoded: false, "application/json"));

        Assert.Equal("application/json", request.Headers.Get("Content-Type"));
        Assert.Equal("application/json", request.Headers.Get("CONTENT-TYPE"));
        Assert.Equal("application/json", request.ContentType);
        Assert.Null(request.Headers.Get("X-Missing"));
    }

    [Fact]
    public void TryParse_CommaJoinedDuplicateHeader_IsOneValue()
    {
        var request = EventJson.Parse(EventSamples.HttpApiCreateProduct(
            EventJson.NewRequestId(), "{}", isBase64Encoded: false, "application/json"));

        Assert.Equal("one,two", request.Headers.Get("X-Custom"));
        Assert.Equal(["one,two"], request.Headers.GetAll("x-custom"));
    }

    [Fact]
    public void TryParse_PlainBody_IsUtf8Bytes()
    {
        var request = EventJson.Parse(EventSamples.HttpApiCreateProduct(
            EventJson.NewRequestId(), """{\"name\":\"Crème brûlée torch\"}""", isBase64Encoded: false, "application/json"));

        Assert.True(request.HasBody);
        Assert.Equal("""{"name":"Crème brûlée torch"}""", Encoding.UTF8.GetString(request.Body.Span));
    }

    [Fact]
    public void TryParse_Base64Body_IsDecodedToTheOriginalBytes()
    {
        byte[] original = [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x31, 0x7D, 0x00, 0xFF, 0xFE];
        var json = EventSamples.HttpApiCreateProduct(
            EventJson.NewRequestId(), Convert.ToBase64String(original), isBase64Encoded: true, "application/octet-stream");

        var request = EventJson.Parse(json);

        Assert.Equal(original, request.Body.ToArray());
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("abc")]
    [InlineData("eyJhIjox}Q==")]
    public void TryParse_InvalidBase64Body_ReturnsProblem(string body)
    {
        var json = EventSamples.HttpApiCreateProduct(EventJson.NewRequestId(), body, isBase64Encoded: true, "application/json");

        var problem = EventJson.Problem(json);

        Assert.Contains("base64", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_EmptyBody_HasNoBody()
    {
        var request = EventJson.Parse(EventSamples.HttpApiCreateProduct(
            EventJson.NewRequestId(), string.Empty, isBase64Encoded: false, "application/json"));

        Assert.False(request.HasBody);
        Assert.True(request.Body.IsEmpty);
    }

    [Fact]
    public void TryParse_MissingOptionalFields_GivesEmptyCollectionsAndNulls()
    {
        var json = """
            {
              "version": "2.0",
              "routeKey": "$default",
              "rawPath": "/products",
              "requestContext": { "http": { "method": "get" } }
            }
            """;

        var request = EventJson.Parse(json);

        Assert.Equal("GET", request.Method);
        Assert.Equal("$default", request.RouteKey);
        Assert.Empty(request.PathParameters);
        Assert.Empty(request.Query.Names);
        Assert.Empty(request.Headers.Names);
        Assert.Empty(request.Cookies);
        Assert.False(request.HasBody);
        Assert.Null(request.RequestId);
        Assert.Null(request.SourceIp);
        Assert.Null(request.UserAgent);
        Assert.Null(request.Stage);
        Assert.Null(request.RequestTime);
    }

    [Fact]
    public void TryParse_TimeWithoutEpoch_IsParsedFromText()
    {
        var json = EventJson.With(
            EventSamples.HttpApiGetProduct(EventJson.NewRequestId(), Guid.NewGuid().ToString()),
            root => root["requestContext"]!.AsObject().Remove("timeEpoch"));

        var request = EventJson.Parse(json);

        Assert.Equal(new DateTimeOffset(2020, 3, 12, 19, 3, 58, TimeSpan.Zero), request.RequestTime);
    }

    [Fact]
    public void TryParse_NoMethod_ReturnsProblem()
    {
        var json = EventJson.With(
            EventSamples.HttpApiGetProduct(EventJson.NewRequestId(), Guid.NewGuid().ToString()),
            root => root["requestContext"]!["http"]!.AsObject().Remove("method"));

        var problem = EventJson.Problem(json);

        Assert.Contains("method", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_FieldOfWrongType_ReportsWhere()
    {
        var json = EventJson.With(
            EventSamples.HttpApiGetProduct(EventJson.NewRequestId(), Guid.NewGuid().ToString()),
            root => root["headers"] = JsonValue.Create(5));

        var problem = EventJson.Problem(json);

        Assert.Contains("$.headers", problem, StringComparison.Ordinal);
        Assert.Contains("2.0", problem, StringComparison.Ordinal);
    }
}
