using System.Text.Json;
using Products.Functions.Tests.Harness;
using Products.Emulator.Lambda;

namespace Products.Functions.Tests;

/// <summary>
/// The built functions under the emulator's SnapStart lifecycle (GetProduct: init, priming before the snapshot,
/// restore/next, restore, after-restore hooks, then requests) and with provisioned concurrency (ListProducts: an
/// environment started before any request).
/// </summary>
public sealed class SnapStartTests(SnapStartTests.SnapStartFixture functions) : IClassFixture<SnapStartTests.SnapStartFixture>
{
    [Fact]
    public async Task GetProduct_SnapStart_PrimesBeforeTheSnapshot_IsRestored_ThenServes()
    {
        var created = await functions.PostAsync(new { name = "Snapshot lamp", price = 12.5 }, PayloadFormat.V2);
        var id = created.Json.GetProperty("data").GetProperty("id").GetString()!;

        var found = await functions.GetAsync(id, PayloadFormat.V2);

        Assert.Equal(200, found.StatusCode);
        Assert.Equal("Snapshot lamp", found.Json.GetProperty("data").GetProperty("name").GetString());
        var lines = functions.Logs.Snapshot.Where(l => l.StartsWith("[products-test-GetProduct] ", StringComparison.Ordinal)).ToList();
        Assert.Contains(lines, l => l.Contains("RESTORE_REPORT", StringComparison.Ordinal));
        var primed = Assert.Single(Json(lines), l => Message(l) == "Primed");
        Assert.Equal("before the snapshot", primed.GetProperty("when").GetString());
        // The startup timeline (debug level) shows the lifecycle's order: hooks, restore, then the first event. The
        // function logs it right after posting its first response, so it may arrive just after the answer.
        var timeline = await TimelineAsync();
        var snapshotted = timeline.GetProperty("at.snapshot.hooks-done").GetDouble();
        var restored = timeline.GetProperty("at.restore.hooks-done").GetDouble();
        var next = timeline.GetProperty("at.next.requested").GetDouble();
        Assert.True(snapshotted <= restored && restored <= next, timeline.ToString());
    }

    [Fact]
    public async Task ListProducts_ProvisionedConcurrency_StartedBeforeAnyRequest_ServesWithoutAnotherStart()
    {
        var pool = functions.Lambda[FunctionsFixture.List];
        var before = pool.Counters;

        var page = await functions.ListAsync(PayloadFormat.V2);

        Assert.Equal(1, before.Started);
        Assert.Equal(1, before.Alive);
        Assert.Equal(200, page.StatusCode);
        Assert.Equal(1, pool.Counters.Started);
    }

    private async Task<JsonElement> TimelineAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var lines = functions.Logs.Snapshot.Where(l => l.StartsWith("[products-test-GetProduct] ", StringComparison.Ordinal));
            if (Json(lines).Where(l => Message(l) == "Cold start timeline").ToList() is [var timeline])
            {
                return timeline;
            }

            await Task.Delay(50, patience.Token);
        }
    }

    // The function's JSON lines, without the emulator's "[name] " prefix (platform lines are not JSON).
    private static IEnumerable<JsonElement> Json(IEnumerable<string> lines) =>
        lines.Select(l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..])
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement);

    private static string? Message(JsonElement line) =>
        line.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null;

    public sealed class SnapStartFixture : FunctionsFixture
    {
        internal override FunctionLaunchSpec Adjust(FunctionLaunchSpec spec) => spec.LogicalId switch
        {
            Get => spec with { SnapStart = true },
            List => spec with { ProvisionedConcurrency = 1 },
            _ => spec,
        };

        protected override void Configure(IDictionary<string, string> environment) =>
            environment["POWERTOOLS_LOG_LEVEL"] = "DEBUG";
    }
}
