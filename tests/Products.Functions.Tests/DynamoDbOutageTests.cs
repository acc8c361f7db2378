using Products.Functions.Tests.Harness;

namespace Products.Functions.Tests;

/// <summary>With DynamoDB gone, every function answers 503 + Retry-After before its deadline: never 500, never a hang.</summary>
public sealed class DynamoDbOutageTests(FunctionsFixture functions) : IClassFixture<FunctionsFixture>
{
    // One test, one outage: stopping the in-memory engine drops the fixture's table, so nothing may run after it.
    [Fact]
    public async Task AllFunctions_DynamoDbStopped_Return503WithRetryAfter_InBothPayloadFormats()
    {
        // Warm the list function first so its settings and key are cached: the outage is DynamoDB's alone.
        Assert.Equal(200, (await functions.ListAsync(PayloadFormat.V2)).StatusCode);
        await functions.Dynalite.StopAsync();
        try
        {
            // FunctionsFixture.InvokeAsync fails the test unless the function itself answered (a Lambda timeout would not).
            var responses = new List<FunctionResponse>();
            foreach (var version in new[] { PayloadFormat.V2, PayloadFormat.V1 })
            {
                responses.Add(await functions.PostAsync(new { name = "During outage", price = 1 }, version));
                responses.Add(await functions.PostWithKeyAsync("""{"name":"During outage","price":1}""", version, Guid.NewGuid().ToString("N")));
                responses.Add(await functions.GetAsync(Guid.NewGuid().ToString("D"), version));
                responses.Add(await functions.ListAsync(version));
            }

            foreach (var response in responses)
            {
                Assert.Equal(503, response.StatusCode);
                Assert.True(int.Parse(response.Header("Retry-After"), System.Globalization.CultureInfo.InvariantCulture) >= 1);
                Assert.Equal("Service temporarily unavailable", response.Json.GetProperty("message").GetString());
            }
        }
        finally
        {
            await functions.Dynalite.RestartAsync();
        }
    }
}
