using Products.Reliability.Faults;

namespace Products.Reliability.Tests;

// Recovery times are reported by the long run (docs/reliability.md), never asserted here.
[Collection(SharedHostedApi.Name)]
public sealed class FaultTests(HostedApiFixture api)
{
    private FaultSuite Suite => new(api.Target, FaultTimings.Quick);

    [Fact]
    public async Task EngineKilledMidLoad_Answers503WithRetryAfterNever500_AndLosesNoAcknowledgedWrite()
    {
        var outcome = await Suite.EngineOutageAsync(CancellationToken.None);

        Assert.True(outcome.Passed, string.Join("\n", outcome.Observations));
    }

    [Fact]
    public async Task EnginePausedPastTheFunctionTimeout_AnswersWithoutHanging_ThenRecovers()
    {
        var outcome = await Suite.EnginePauseAsync(CancellationToken.None);

        Assert.True(outcome.Passed, string.Join("\n", outcome.Observations));
    }

    [Fact]
    public async Task FunctionProcessKilledMidRequest_Answers502_AndTheNextRequestSucceeds()
    {
        var outcome = await Suite.FunctionCrashAsync(CancellationToken.None);

        Assert.True(outcome.Passed, string.Join("\n", outcome.Observations));
    }
}
