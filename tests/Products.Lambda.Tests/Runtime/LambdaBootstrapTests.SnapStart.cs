using Products.Lambda.Runtime;
using Products.Emulator.RuntimeApi;

namespace Products.Lambda.Tests.Runtime;

// The SnapStart lifecycle over the Runtime API ("Implementing SnapStart hooks for container images").
public sealed partial class LambdaBootstrapTests
{
    [Fact]
    public async Task RunAsync_SnapStartBeforeSnapshotHookFails_ReportsInitErrorWithoutAskingToBeSnapshotted()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        var hooks = new SnapshotHooks();
        var ran = new List<string>();
        hooks.RegisterBeforeSnapshot(() => Hook(ran, "registered first"));
        hooks.RegisterBeforeSnapshot(() => throw new InvalidOperationException("priming broke"));
        await using var run = await BootstrapRun.StartAsync(
            _ => Task.FromResult<InvocationHandler>((_, _) => Task.FromResult(ReadOnlyMemory<byte>.Empty)),
            options => options with { InitializationType = InitializationTypes.SnapStart, SnapshotHooks = hooks },
            timeout.Token);

        var outcome = await run.Server.WaitForInitAsync(timeout.Token);
        var exit = await run.Exit.WaitAsync(timeout.Token);

        var failed = Assert.IsType<InitOutcome.Failed>(outcome);
        Assert.Equal("Runtime.BeforeSnapshotError", failed.ErrorType);
        Assert.Equal("priming broke", failed.ErrorMessage);
        Assert.Equal(LambdaExitCodes.Failed, exit);
        // The failing hook was registered last, so it ran first and stopped the rest.
        Assert.Empty(ran);
        Assert.DoesNotContain(run.Recorder.Requests, r => r.Path.Contains("/restore/", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Recorder.Requests, r => r.Path.EndsWith("/invocation/next", StringComparison.Ordinal));
        Assert.Contains("priming broke", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OnDemand_RunsNoSnapshotHooksAndNeverCallsRestore()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        var hooks = new SnapshotHooks();
        var ran = new List<string>();
        hooks.RegisterBeforeSnapshot(() => Hook(ran, "before"));
        hooks.RegisterAfterRestore(() => Hook(ran, "after"));
        await using var run = await BootstrapRun.StartAsync(
            _ => Task.FromResult<InvocationHandler>((_, _) => Task.FromResult(ReadOnlyMemory<byte>.Empty)),
            options => options with { InitializationType = InitializationTypes.OnDemand, SnapshotHooks = hooks },
            timeout.Token);

        await run.Server.WaitForInitAsync(timeout.Token);
        var outcome = await run.Server.InvokeAsync("{}"u8.ToArray(), Settings(), timeout.Token);

        Assert.IsType<InvocationOutcome.Succeeded>(outcome);
        Assert.Empty(ran);
        Assert.DoesNotContain(run.Recorder.Requests, r => r.Path.Contains("/restore/", StringComparison.Ordinal));
    }

    private static ValueTask Hook(List<string> ran, string name)
    {
        lock (ran)
        {
            ran.Add(name);
        }

        return ValueTask.CompletedTask;
    }
}
