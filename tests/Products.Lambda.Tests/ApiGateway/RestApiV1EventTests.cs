using System.Text;
using System.Text.Json.Nodes;
using Products.Lambda.ApiGateway;

namespace Products.Lambda.Tests.ApiGateway;

public sealed class RestApiV1EventTests
{
    [Fact]
    public void TryParse_ProxyPost_MapsEveryField()
    {
        var requestId = EventJson.NewRequestId();

        var request = EventJson.Parse(EventSamples.RestApiProxyPost(requestId));

        Assert.Equal(PayloadFormat.V1, request.Format);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hello/world", request.Path);
        Assert.Equal("POST /{proxy+}", request.RouteKey);
        Assert.Equal("hello/world", request.PathParameters["proxy"]);
        Assert.Equal(requestId, request.RequestId);
        Assert.Equal("192.168.196.186", request.SourceIp);
        Assert.Equal("PostmanRuntime/2.4.5", request.UserAgent);
        Assert.Equal("testStage", request.Stage);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1583349317135), request.RequestTime);
        Assert.Equal("{\r\n\t\"a\": 1\r\n}", Encoding.UTF8.GetString(request.Body.Span));
        Assert.True(request.HasJsonContentType());
    }

    [Fact]
    public void TryParse_MultiValueQuery_IsPreferredOverSingleValues()
    {
        var request = EventJson.Parse(EventSamples.RestApiProxyPost(EventJson.NewRequestId()));

        Assert.Equal(["you", "me"], request.Query.GetAll("multivalueName"));
        Assert.Equal("you", request.Query.GetFirst("multivalueName"));
        Assert.Equal(["me"], request.Query.GetAll("name"));
    }

    [Fact]
    public void TryParse_OnlySingleValueQuery_IsUsed()
    {
        var json = EventJson.With(
            EventSamples.RestApiProxyPost(EventJson.NewRequestId()),
            root =>
            {
                root["multiValueQueryStringParameters"] = null;
                root["queryStringParameters"] = new JsonObject { ["limit"] = "25", ["tags"] = "a,b" };
            });

        var request = EventJson.Parse(json);

        Assert.Equal("25", request.Query.GetFirst("limit"));
        Assert.Equal(["a,b"], request.Query.GetAll("tags"));
        Assert.Null(request.Query.GetFirst("name"));
    }

    [Fact]
    public void TryParse_QueryValuesAlreadyDecodedByApiGateway_AreKeptAsIs()
    {
        var json = EventJson.With(
            EventSamples.RestApiProxyPost(EventJson.NewRequestId()),
            root => root["multiValueQueryStringParameters"] = new JsonObject
            {
                ["nextToken"] = new JsonArray("eyJrIjoxfQ=="),
                ["q"] = new JsonArray("a+b c%2"),
            });

        var request = EventJson.Parse(json);

        Assert.Equal("eyJrIjoxfQ==", request.Query.GetFirst("nextToken"));
        Assert.Equal("a+b c%2", request.Query.GetFirst("q"));
    }

    [Fact]
    public void TryParse_NullMaps_GiveEmptyCollections()
    {
        var request = EventJson.Parse(EventSamples.RestApiBareGet(EventJson.NewRequestId()));

        Assert.Equal("GET", request.Method);
        Assert.Equal("GET /products", request.RouteKey);
        Assert.Empty(request.Headers.Names);
        Assert.Empty(request.Query.Names);
        Assert.Empty(request.PathParameters);
        Assert.Empty(request.Cookies);
        Assert.False(request.HasBody);
        Assert.Null(request.UserAgent);
        Assert.Null(request.ContentType);
        Assert.False(request.HasJsonContentType());
        Assert.Equal(new DateTimeOffset(2020, 3, 4, 19, 15, 17, TimeSpan.Zero), request.RequestTime);
    }

    [Fact]
    public void TryParse_MultiValueHeaders_WinOverHeadersOfAnyCase()
    {
        var json = EventJson.With(
            EventSamples.RestApiBareGet(EventJson.NewRequestId()),
            root =>
            {
                root["headers"] = new JsonObject { ["Accept"] = "text/html", ["X-Only-Single"] = "solo" };
                root["multiValueHeaders"] = new JsonObject { ["accept"] = new JsonArray("application/json", "text/plain") };
            });

        var request = EventJson.Parse(json);

        Assert.Equal(["application/json", "text/plain"], request.Headers.GetAll("ACCEPT"));
        Assert.Equal("application/json,text/plain", request.Headers.Get("Accept"));
        Assert.Equal("solo", request.Headers.Get("x-only-single"));
    }

    [Fact]
    public void TryParse_HeaderWithCommaInsideOneValue_StaysOneValue()
    {
        var request = EventJson.Parse(EventSamples.RestApiProxyPost(EventJson.NewRequestId()));

        Assert.Equal(["54.240.196.186, 54.182.214.83"], request.Headers.GetAll("x-forwarded-for"));
    }

    [Fact]
    public void TryParse_EmptyHeaderName_IsDropped()
    {
        var request = EventJson.Parse(EventSamples.RestApiProxyPost(EventJson.NewRequestId()));

        Assert.DoesNotContain(string.Empty, request.Headers.Names);
        Assert.Null(request.Headers.Get(string.Empty));
    }

    [Fact]
    public void TryParse_CookieHeader_IsSplitIntoCookies()
    {
        var request = EventJson.Parse(EventSamples.RestApiProxyPost(EventJson.NewRequestId()));

        Assert.Equal(["session=abc123", "theme=dark"], request.Cookies);
    }

    [Fact]
    public void TryParse_WithoutVersion_IsFormat1()
    {
        var json = EventJson.With(EventSamples.RestApiBareGet(EventJson.NewRequestId()), root => root.Remove("version"));

        var request = EventJson.Parse(json);

        Assert.Equal(PayloadFormat.V1, request.Format);
    }

    [Fact]
    public void TryParse_Base64Body_IsDecoded()
    {
        var text = "{\"name\":\"Ünïcödé\",\"price\":1.5}";
        var json = EventJson.With(
            EventSamples.RestApiProxyPost(EventJson.NewRequestId()),
            root =>
            {
                root["body"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
                root["isBase64Encoded"] = true;
            });

        var request = EventJson.Parse(json);

        Assert.Equal(text, Encoding.UTF8.GetString(request.Body.Span));
    }

    [Fact]
    public void TryParse_InvalidBase64Body_ReturnsProblem()
    {
        var json = EventJson.With(
            EventSamples.RestApiProxyPost(EventJson.NewRequestId()),
            root => root["isBase64Encoded"] = true);

        var problem = EventJson.Problem(json);

        Assert.Contains("base64", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_NoPath_ReturnsProblem()
    {
        var json = EventJson.With(EventSamples.RestApiBareGet(EventJson.NewRequestId()), root => root.Remove("path"));

        var problem = EventJson.Problem(json);

        Assert.Contains("path", problem, StringComparison.Ordinal);
    }
}
