namespace Products.Lambda.Tests.ApiGateway;

public sealed class NonApiGatewayEventTests
{
    [Theory]
    [InlineData("""{"Records":[{"messageId":"059f36b4","eventSource":"aws:sqs","body":"hi"}]}""", "neither")]
    [InlineData("""{"version":"0","id":"7bf73129","detail-type":"Scheduled Event","source":"aws.events"}""", "version \"0\"")]
    [InlineData("""{"version":"1.0","rawPath":"/products"}""", "neither")]
    [InlineData("""{"version":"3.0","httpMethod":"GET","path":"/"}""", "version \"3.0\"")]
    [InlineData("""{"version":2.0,"rawPath":"/"}""", "unsupported")]
    [InlineData("""{"nested":{"httpMethod":"GET","version":"2.0"}}""", "neither")]
    [InlineData("""[{"version":"2.0"}]""", "not a JSON object")]
    [InlineData("\"hello\"", "not a JSON object")]
    [InlineData("null", "not a JSON object")]
    [InlineData("", "not valid JSON")]
    [InlineData("""{"version":"2.0",""", "not valid JSON")]
    [InlineData("""{"version":"2.0"} {}""", "not valid JSON")]
    public void TryParse_NotAnApiGatewayEvent_IsRejectedWithProblem(string json, string expected)
    {
        var problem = EventJson.Problem(json);

        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
