using Products.Lambda.ApiGateway;

namespace Products.Lambda.Tests.ApiGateway;

public sealed class ApiRequestTests
{
    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("Application/JSON;Charset=UTF-8", true)]
    [InlineData("  application/json  ", true)]
    [InlineData("application/merge-patch+json", true)]
    [InlineData("application/vnd.api+JSON; charset=utf-8", true)]
    [InlineData("application/+json", false)]
    [InlineData("application/jsonp", false)]
    [InlineData("application/json-seq", false)]
    [InlineData("text/json", false)]
    [InlineData("text/plain", false)]
    [InlineData("application/x-www-form-urlencoded", false)]
    [InlineData("application/json,text/plain", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void HasJsonContentType_MediaType_MatchesOnlyJson(string? contentType, bool expected)
    {
        var headers = contentType is null ? RequestHeaders.Empty : new RequestHeaders([new("Content-Type", contentType)]);
        var request = new ApiRequest { Format = PayloadFormat.V2, Method = "POST", Path = "/products", Headers = headers };

        Assert.Equal(expected, request.HasJsonContentType());
    }

    [Fact]
    public void Method_SetInLowerCase_IsUpperCase()
    {
        var request = new ApiRequest { Format = PayloadFormat.V1, Method = "patch", Path = "/products" };

        Assert.Equal("PATCH", request.Method);
    }

    [Fact]
    public void Query_AbsentName_GivesNullAndEmpty()
    {
        var query = new QueryParameters([new("limit", "5"), new("limit", "7")]);

        Assert.Null(query.GetFirst("nextToken"));
        Assert.Empty(query.GetAll("nextToken"));
        Assert.Equal(["5", "7"], query.GetAll("limit"));
    }

    [Fact]
    public void Headers_RepeatedNameInAnyCase_AreJoinedInOrder()
    {
        var headers = new RequestHeaders([new("Accept", "a/b"), new("ACCEPT", "c/d")]);

        Assert.Equal("a/b,c/d", headers.Get("accept"));
        Assert.Single(headers.Names);
    }
}
