using System.Text;
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
            timeout.Token,
            snapStart: true);

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

    [Fact]
    public async Task RunAsync_SnapStart_RunsBeforeHooksThenWaitsOnRestoreNextThenAfterHooksThenServes()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        var hooks = new SnapshotHooks();
        var ran = new List<string>();
        hooks.RegisterBeforeSnapshot(() => Hook(ran, "before 1"));
        hooks.RegisterBeforeSnapshot(() => Hook(ran, "before 2"));
        hooks.RegisterAfterRestore(() => Hook(ran, "after 1"));
        hooks.RegisterAfterRestore(() => Hook(ran, "after 2"));
        await using var run = await BootstrapRun.StartAsync(
            _ => Task.FromResult<InvocationHandler>((_, context) =>
                Task.FromResult<ReadOnlyMemory<byte>>(Encoding.UTF8.GetBytes(context.IsColdStart ? "cold" : "warm"))),
            options => options with { InitializationType = InitializationTypes.SnapStart, SnapshotHooks = hooks },
            timeout.Token,
            snapStart: true);

        // The snapshot point: the runtime called restore/next after its before-snapshot hooks.
        var snapshot = await run.Server.WaitForInitAsync(timeout.Token);
        string[] beforeRestore;
        lock (ran)
        {
            beforeRestore = [.. ran];
        }

        var restored = await run.Server.RestoreAsync(timeout.Token);
        var outcome = await run.Server.InvokeAsync("{}"u8.ToArray(), Settings(), timeout.Token);

        Assert.IsType<InitOutcome.Ready>(snapshot);
        Assert.Equal(["before 2", "before 1"], beforeRestore);
        Assert.IsType<InitOutcome.Ready>(restored);
        Assert.Equal(["before 2", "before 1", "after 1", "after 2"], ran);
        Assert.Equal("cold", Encoding.UTF8.GetString(Assert.IsType<InvocationOutcome.Succeeded>(outcome).Response.Span));
        var paths = run.Recorder.Requests.Select(r => r.Path).ToList();
        Assert.True(
            paths.IndexOf("/2018-06-01/runtime/restore/next") < paths.IndexOf("/2018-06-01/runtime/invocation/next"),
            string.Join(", ", paths));
    }

    [Fact]
    public async Task RunAsync_SnapStartAfterRestoreHookFails_ReportsRestoreErrorAndExits()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        var hooks = new SnapshotHooks();
        hooks.RegisterAfterRestore(() => throw new InvalidOperationException("credentials endpoint unreachable"));
        await using var run = await BootstrapRun.StartAsync(
            _ => Task.FromResult<InvocationHandler>((_, _) => Task.FromResult(ReadOnlyMemory<byte>.Empty)),
            options => options with { InitializationType = InitializationTypes.SnapStart, SnapshotHooks = hooks },
            timeout.Token,
            snapStart: true);

        await run.Server.WaitForInitAsync(timeout.Token);
        var restored = await run.Server.RestoreAsync(timeout.Token);
        var exit = await run.Exit.WaitAsync(timeout.Token);

        var failed = Assert.IsType<InitOutcome.Failed>(restored);
        Assert.Equal("Runtime.AfterRestoreError", failed.ErrorType);
        Assert.Equal("credentials endpoint unreachable", failed.ErrorMessage);
        Assert.Equal(LambdaExitCodes.Failed, exit);
        var posted = Assert.Single(run.Recorder.Requests, r => r.Path.EndsWith("/restore/error", StringComparison.Ordinal));
        Assert.Equal("Runtime.AfterRestoreError", posted.FunctionErrorType);
        Assert.DoesNotContain(run.Recorder.Requests, r => r.Path.EndsWith("/invocation/next", StringComparison.Ordinal));
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
