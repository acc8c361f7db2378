using System.Net;
using Products.Emulator.RuntimeApi;

namespace Products.Emulator.Tests.RuntimeApi;

// The SnapStart routes: restore/next and restore/error ("Using the Lambda runtime API for custom runtimes").
public sealed class RuntimeApiServerSnapStartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RestoreNext_IsTheSnapshotPoint_AndAnswersOnlyOnRestore()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(snapStart: true, timeout.Token);
        using var function = new FunctionSide(server.Endpoint);

        var restoreNext = function.RestoreNextAsync(timeout.Token);
        var snapshot = await server.WaitForInitAsync(timeout.Token);
        var answeredBeforeRestore = restoreNext.IsCompleted;
        var restored = server.RestoreAsync(timeout.Token);
        using var restoreAnswer = await restoreNext;
        var next = function.NextAsync(timeout.Token);

        Assert.IsType<InitOutcome.Ready>(snapshot);
        Assert.False(answeredBeforeRestore);
        Assert.Equal(HttpStatusCode.OK, restoreAnswer.StatusCode);
        Assert.IsType<InitOutcome.Ready>(await restored);
        Assert.False(next.IsCompleted);
    }

    [Fact]
    public async Task Next_BeforeTheRestore_IsAnInvalidStateTransition()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(snapStart: true, timeout.Token);
        using var function = new FunctionSide(server.Endpoint);

        using var answer = await function.NextAsync(timeout.Token);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Contains("InvalidStateTransition", await answer.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestoreNext_OutsideSnapStart_IsAnInvalidStateTransition()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var function = new FunctionSide(server.Endpoint);

        using var answer = await function.RestoreNextAsync(timeout.Token);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
    }

    [Fact]
    public async Task RestoreError_AfterRestore_FailsTheRestoreWithTypeAndMessage()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(snapStart: true, timeout.Token);
        using var function = new FunctionSide(server.Endpoint);
        var restoreNext = function.RestoreNextAsync(timeout.Token);
        await server.WaitForInitAsync(timeout.Token);
        var restored = server.RestoreAsync(timeout.Token);
        (await restoreNext).Dispose();

        using var accepted = await function.RestoreErrorAsync(
            "Runtime.AfterRestoreError", """{"errorMessage":"hook broke","errorType":"IOException"}""", timeout.Token);
        using var next = await function.NextAsync(timeout.Token);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var failed = Assert.IsType<InitOutcome.Failed>(await restored);
        Assert.Equal("Runtime.AfterRestoreError", failed.ErrorType);
        Assert.Equal("hook broke", failed.ErrorMessage);
        Assert.Equal(HttpStatusCode.Forbidden, next.StatusCode);
    }

    [Fact]
    public async Task RestoreError_BeforeTheRestore_IsAnInvalidStateTransition()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(snapStart: true, timeout.Token);
        using var function = new FunctionSide(server.Endpoint);

        using var answer = await function.RestoreErrorAsync("Runtime.AfterRestoreError", "{}", timeout.Token);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
    }
}
