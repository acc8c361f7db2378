using System.Net;
using Products.Emulator.Tests.Lambda;
using Products.Testing;

namespace Products.Emulator.Tests.EndToEnd;

/// <summary>Function processes that stop answering or die, seen through the API.</summary>
[Collection(EditedTemplateApi.Name)]
public sealed class FaultTests(EditedTemplateApi.Fixture api)
{
    private const string Get = "GetProductFunction";

    [Fact]
    public async Task Get_FunctionFrozenPastItsTimeout_Returns502AndTheNextRequestSucceeds()
    {
        var id = await CreateAsync();
        var frozen = await WarmIdleProcessesAsync(id);
        frozen.ForEach(ProcessSignals.Freeze);

        // Nothing answers: the emulator cuts the invocation off at the function's Timeout and kills the environment.
        var answer = await ProductsClient.GetAsync(api.Client, id);

        await AssertBadGatewayAsync(answer, "FunctionTimeout");
        await AssertNextRequestRunsOnAFreshEnvironmentAsync(id, frozen);
    }

    [Fact]
    public async Task Get_FunctionProcessKilledMidRequest_Returns502AndTheNextRequestSucceeds()
    {
        var id = await CreateAsync();
        var victims = await WarmIdleProcessesAsync(id);
        victims.ForEach(ProcessSignals.Freeze);

        var pending = ProductsClient.GetAsync(api.Client, id);
        Assert.True(await Eventually.TrueAsync(() => api.Counters(Get).Busy == 1), "the request never reached the function");
        victims.ForEach(ProcessSignals.Kill);
        var answer = await pending;

        await AssertBadGatewayAsync(answer, "Crashed");
        await AssertNextRequestRunsOnAFreshEnvironmentAsync(id, victims);
    }

    [Fact]
    public async Task Delete_MethodTheFunctionDoesNotServe_Returns405WithAllow()
    {
        var id = await CreateAsync();

        var answer = await ProductsClient.SendAsync(api.Client, new HttpRequestMessage(HttpMethod.Delete, $"products/{id}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.Equal("GET", answer.Header("Allow"));
        Assert.Equal(HttpStatusCode.OK, (await ProductsClient.GetAsync(api.Client, id)).Status);
    }

    private async Task<string> CreateAsync()
    {
        var created = await ProductsClient.CreateAsync(api.Client, $"e2e-fault-{Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return created.Body.GetProperty("data").GetProperty("id").GetString()!;
    }

    // Every idle GetProduct environment, after a request made sure there is one: whichever serves the next request is
    // frozen. A first invocation slower than the short Timeout (a very busy machine) only costs another attempt.
    private async Task<List<int>> WarmIdleProcessesAsync(string id)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            if ((await ProductsClient.GetAsync(api.Client, id)).Status == HttpStatusCode.OK)
            {
                break;
            }
        }

        var idle = api.IdleProcessIds(Get).ToList();
        Assert.NotEmpty(idle);
        return idle;
    }

    // API Gateway's generic answer to a failed invocation; the emulator's access log says which failure it was.
    private async Task AssertBadGatewayAsync(ApiAnswer answer, string error)
    {
        Assert.Equal(HttpStatusCode.BadGateway, answer.Status);
        Assert.Equal("""{"message":"Internal Server Error"}""", answer.Text);
        Assert.Contains($" error={error} ", await AccessLog.LineAsync(api, answer));
    }

    private async Task AssertNextRequestRunsOnAFreshEnvironmentAsync(string id, List<int> gone)
    {
        var next = await ProductsClient.GetAsync(api.Client, id);

        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Contains($" {Get} cold ", await AccessLog.LineAsync(api, next));
        Assert.DoesNotContain(api.IdleProcessIds(Get), gone.Contains);
        Assert.All(gone, pid => Assert.False(OsProcess.IsRunning(pid), $"process {pid} is still running"));
    }
}
