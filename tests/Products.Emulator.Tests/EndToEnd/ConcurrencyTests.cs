using System.Net;

namespace Products.Emulator.Tests.EndToEnd;

[Collection(SharedApi.Name)]
public sealed class ConcurrencyTests(SharedApi.Fixture api)
{
    private const string Create = "CreateProductFunction";

    [Fact]
    public async Task Post_TwentyAtOnce_NoneIsLostAndNoMoreEnvironmentsThanTheLimit()
    {
        var names = Enumerable.Range(0, 20).Select(i => $"e2e-burst-{i}-{Guid.NewGuid():N}").ToList();

        var answers = await Task.WhenAll(names.Select(CreateRetryingThrottledAsync));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Created, answer.Status));
        // How many environments serve them is the pool's choice (short creates queue on a warm one rather than pay a
        // cold start each: FunctionPoolTests); never more than the function's concurrency.
        var counters = api.Counters(Create);
        Assert.True(counters.Alive <= SharedApi.MaxConcurrency, $"{counters}");
        var ids = answers.Select(a => a.Body.GetProperty("data").GetProperty("id").GetString()!).ToList();
        Assert.Equal(20, ids.Distinct().Count());
        foreach (var (id, name) in ids.Zip(names))
        {
            var read = await ProductsClient.GetAsync(api.Client, id);
            Assert.Equal(HttpStatusCode.OK, read.Status);
            Assert.Equal(name, read.Body.GetProperty("data").GetProperty("name").GetString());
        }
    }

    // 429 is Lambda throttling (more requests in flight than the function's concurrency): a client retries it, and
    // nothing was written. Any other answer ends the attempt.
    private async Task<ApiAnswer> CreateRetryingThrottledAsync(string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await ProductsClient.CreateAsync(api.Client, name);
            if (answer.Status != HttpStatusCode.TooManyRequests || attempt == 200)
            {
                return answer;
            }

            await Task.Delay(50);
        }
    }
}
