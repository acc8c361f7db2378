using System.Text;
using System.Text.Json;
using Products.Emulator.Lambda;
using Products.Testing;

namespace Products.Emulator.Tests.Lambda;

public sealed class FunctionPoolTests : IDisposable
{
    private readonly NodeFunction _function = new();
    private readonly CapturedLines _sink = new();
    private readonly CancellationTokenSource _patience = new(TimeSpan.FromMinutes(2));

    public void Dispose()
    {
        _patience.Dispose();
        _function.Dispose();
    }

    [Fact]
    public async Task InvokeAsync_TwiceInARow_ColdThenWarmOnTheSameEnvironment()
    {
        await using var pool = new FunctionPool(_function.Spec(), Options());

        var first = Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Echo(), _patience.Token));
        var second = Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Echo(), _patience.Token));

        Assert.True(first.ColdStart);
        Assert.NotNull(first.InitDuration);
        Assert.False(second.ColdStart);
        Assert.Null(second.InitDuration);
        Assert.Equal(Events.Pid(first.Response), Events.Pid(second.Response));
        Assert.Equal(new PoolCounters(Started: 1, Alive: 1, Busy: 0), pool.Counters);
    }

    [Fact]
    public async Task InvokeAsync_Always_FunctionSeesLambdaVariablesAndNotTheEmulators()
    {
        var hostOnly = "PRODUCTS_LOCAL_TEST_" + Guid.NewGuid().ToString("N");
        var host = new Dictionary<string, string>(FunctionProcessEnvironment.CurrentHost()) { [hostOnly] = "leak" };
        var spec = _function.Spec(
            timeout: TimeSpan.FromSeconds(42),
            environment: new Dictionary<string, string> { ["TABLE_NAME"] = "products-test", ["LANG"] = "C.UTF-8" });
        await using var pool = new FunctionPool(spec, Options(environment: o => o with { HostEnvironment = host }));
        var before = DateTimeOffset.UtcNow;

        var result = Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Echo("m1"), _patience.Token));

        using var answer = JsonDocument.Parse(result.Response);
        var env = answer.RootElement.GetProperty("env");
        string Var(string name) => env.GetProperty(name).GetString()!;
        Assert.Equal(spec.FunctionName, Var("AWS_LAMBDA_FUNCTION_NAME"));
        Assert.Equal("$LATEST", Var("AWS_LAMBDA_FUNCTION_VERSION"));
        Assert.Equal("256", Var("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
        Assert.Equal("/aws/lambda/" + spec.FunctionName, Var("AWS_LAMBDA_LOG_GROUP_NAME"));
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/\[\$LATEST\][0-9a-f]{32}$", Var("AWS_LAMBDA_LOG_STREAM_NAME"));
        Assert.Equal("on-demand", Var("AWS_LAMBDA_INITIALIZATION_TYPE"));
        Assert.Matches(@"^127\.0\.0\.1:\d+$", Var("AWS_LAMBDA_RUNTIME_API"));
        Assert.Equal("eu-west-1", Var("AWS_REGION"));
        Assert.Equal("eu-west-1", Var("AWS_DEFAULT_REGION"));
        Assert.Equal("AWS_Lambda_nodejs20.x", Var("AWS_EXECUTION_ENV"));
        Assert.Equal("function.handler", Var("_HANDLER"));
        Assert.Equal(_function.Directory, Var("LAMBDA_TASK_ROOT"));
        Assert.Equal(_function.Directory, Var("LAMBDA_RUNTIME_DIR"));
        Assert.Equal("UTC", Var("TZ"));
        Assert.Equal("C.UTF-8", Var("LANG"));
        Assert.Equal("products-test", Var("TABLE_NAME"));
        Assert.False(string.IsNullOrEmpty(Var("AWS_ACCESS_KEY_ID")));
        Assert.False(string.IsNullOrEmpty(Var("AWS_SECRET_ACCESS_KEY")));
        Assert.False(string.IsNullOrEmpty(Var("AWS_SESSION_TOKEN")));
        Assert.False(env.TryGetProperty(hostOnly, out _));

        var headers = answer.RootElement.GetProperty("headers");
        Assert.True(Guid.TryParse(headers.GetProperty("requestId").GetString(), out _));
        Assert.Equal(
            $"arn:aws:lambda:eu-west-1:123456789012:function:{spec.FunctionName}",
            headers.GetProperty("functionArn").GetString());
        Assert.Matches(
            "^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$", headers.GetProperty("traceId").GetString());
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(headers.GetProperty("deadlineMs").GetString()!));
        Assert.True(deadline >= before.AddSeconds(42).AddSeconds(-1));
        Assert.Equal("m1", answer.RootElement.GetProperty("event").GetProperty("marker").GetString());
    }

    [Fact]
    public async Task InvokeAsync_PastTheTimeout_TimeoutAndTheNextGetsAFreshEnvironment()
    {
        await using var pool = new FunctionPool(_function.Spec(timeout: TimeSpan.FromSeconds(1)), Options());
        var warm = Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Echo(), _patience.Token));
        var oldPid = Events.Pid(warm.Response);

        var timedOut = await pool.InvokeAsync(Events.Sleep(60_000), _patience.Token);
        var next = Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Echo(), _patience.Token));

        Assert.Equal(new PoolInvokeResult.Timeout(TimeSpan.FromSeconds(1)), timedOut);
        Assert.False(OsProcess.IsRunning(oldPid));
        Assert.True(next.ColdStart);
        Assert.NotEqual(oldPid, Events.Pid(next.Response));
        Assert.Contains(_sink.Entries, entry => entry.Line.Contains("Task timed out after 1.00 seconds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvokeAsync_ProcessExitsMidInvocation_CrashedAndTheNextSucceeds()
    {
        await using var pool = new FunctionPool(_function.Spec(), Options());

        var crashed = Assert.IsType<PoolInvokeResult.Crashed>(await pool.InvokeAsync(Events.Crash(), _patience.Token));
        var next = Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Echo(), _patience.Token));

        Assert.Equal("Runtime exited with error: exit status 3", crashed.Message);
        Assert.True(next.ColdStart);
        Assert.Equal(2, pool.Counters.Started);
        Assert.Equal(1, pool.Counters.Alive);
    }

    [Fact]
    public async Task InvokeAsync_FunctionReportsAnError_FunctionErrorAndTheEnvironmentStaysWarm()
    {
        await using var pool = new FunctionPool(_function.Spec(), Options());

        var error = Assert.IsType<PoolInvokeResult.FunctionError>(await pool.InvokeAsync(Events.Error(), _patience.Token));
        var next = Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Echo(), _patience.Token));

        Assert.Equal("Function.NotFound", error.ErrorType);
        Assert.Contains("no such product", error.Body, StringComparison.Ordinal);
        Assert.False(next.ColdStart);
    }

    [Fact]
    public async Task InvokeAsync_ResponseOverSixMegabytes_ResponseTooLarge()
    {
        await using var pool = new FunctionPool(_function.Spec(), Options());

        var result = await pool.InvokeAsync(Events.Huge(), _patience.Token);
        var next = Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Echo(), _patience.Token));

        Assert.IsType<PoolInvokeResult.ResponseTooLarge>(result);
        Assert.False(next.ColdStart);
    }

    [Fact]
    public async Task InvokeAsync_ProcessExitsDuringInit_InitFailedWithExitStatusAndStderrTail()
    {
        var spec = _function.Spec(environment: new Dictionary<string, string> { ["TEST_INIT"] = "exit" });
        await using var pool = new FunctionPool(spec, Options());

        var failed = Assert.IsType<PoolInvokeResult.InitFailed>(await pool.InvokeAsync(Events.Echo(), _patience.Token));

        Assert.Contains("exit status 2", failed.Message, StringComparison.Ordinal);
        Assert.Contains("loading settings", failed.Message, StringComparison.Ordinal);
        Assert.Contains("init boom: TABLE_NAME is not set", failed.Message, StringComparison.Ordinal);
        Assert.Equal(0, pool.Counters.Alive);
    }

    [Fact]
    public async Task InvokeAsync_FunctionPostsInitError_InitFailedWithTheErrorTypeAndMessage()
    {
        var spec = _function.Spec(environment: new Dictionary<string, string> { ["TEST_INIT"] = "error" });
        await using var pool = new FunctionPool(spec, Options());

        var failed = Assert.IsType<PoolInvokeResult.InitFailed>(await pool.InvokeAsync(Events.Echo(), _patience.Token));

        Assert.Contains("Runtime.ConfigError: bad config", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_InitNeverCompletes_InitFailedAfterTheInitTimeoutAndProcessGone()
    {
        var spec = _function.Spec(environment: new Dictionary<string, string> { ["TEST_INIT"] = "hang" });
        await using var pool = new FunctionPool(
            spec, Options(environment: o => o with { InitTimeout = TimeSpan.FromSeconds(2) }));

        var failed = Assert.IsType<PoolInvokeResult.InitFailed>(await pool.InvokeAsync(Events.Echo(), _patience.Token));

        Assert.Contains("Init did not complete within 2 s", failed.Message, StringComparison.Ordinal);
        var pid = Assert.Single(_sink.AnnouncedPids());
        Assert.False(OsProcess.IsRunning(pid));
    }

    [Fact]
    public async Task InvokeAsync_CommandDoesNotExist_InitFailedNamingIt()
    {
        var spec = _function.Spec() with { Command = Path.Combine(_function.Directory, "no-such-runtime") };
        await using var pool = new FunctionPool(spec, Options());

        var failed = Assert.IsType<PoolInvokeResult.InitFailed>(await pool.InvokeAsync(Events.Echo(), _patience.Token));

        Assert.Contains("no-such-runtime", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_LongInvocationsPastTheLimit_ThoseNeedingAnotherEnvironmentAreThrottled()
    {
        // Six 3 s invocations with a limit of two: one starts the first environment; the others wait about a cold
        // start (nothing observed yet: the default), then need environments of their own: one more fits, four do not.
        await using var pool = new FunctionPool(_function.Spec(), Options(maxEnvironments: 2));

        var results = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(_ => pool.InvokeAsync(Events.Sleep(3000), _patience.Token)));

        Assert.Equal(4, results.Count(result => result is PoolInvokeResult.Throttled));
        var succeeded = results.OfType<PoolInvokeResult.Succeeded>().ToList();
        Assert.Equal(2, succeeded.Count);
        Assert.Equal(2, succeeded.Select(result => Events.Pid(result.Response)).Distinct().Count());
        Assert.Equal(2, pool.Counters.Started);
    }

    [Fact]
    public async Task InvokeAsync_TwentyConcurrentWithLimitTwenty_AllSucceedOnSeveralEnvironments()
    {
        await using var pool = new FunctionPool(_function.Spec(), Options(maxEnvironments: 20));

        var results = await Task.WhenAll(
            Enumerable.Range(0, 20).Select(_ => pool.InvokeAsync(Events.Sleep(300), _patience.Token)));

        var succeeded = results.Select(result => Assert.IsType<PoolInvokeResult.Succeeded>(result)).ToList();
        Assert.True(succeeded.Select(result => Events.Pid(result.Response)).Distinct().Count() > 1);
        Assert.True(pool.Counters.Started is > 1 and <= 20);
    }

    [Fact]
    public async Task InvokeAsync_BusyEnvironmentFreesSoonerThanAStart_WaitsForItInsteadOfStartingAnother()
    {
        // Starts take 3 s (the pool has seen one); the busy invocation ends well before another start would.
        var spec = _function.Spec(environment: new Dictionary<string, string> { ["TEST_INIT_DELAY_MS"] = "3000" });
        await using var pool = new FunctionPool(spec, Options());
        Assert.IsType<PrewarmResult.Warm>(await pool.PrewarmAsync(_patience.Token));
        var busy = pool.InvokeAsync(Events.Sleep(300), _patience.Token);
        Assert.True(await Eventually.TrueAsync(() => pool.Counters.Busy == 1));

        var waiting = Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Echo("waits"), _patience.Token));

        var first = Assert.IsType<PoolInvokeResult.Succeeded>(await busy);
        Assert.Equal(Events.Pid(first.Response), Events.Pid(waiting.Response));
        Assert.False(waiting.ColdStart);
        Assert.Equal(1, pool.Counters.Started);
    }

    [Fact]
    public async Task InvokeAsync_BurstOfShortInvocations_QueueOnTheWarmEnvironment()
    {
        var spec = _function.Spec(environment: new Dictionary<string, string> { ["TEST_INIT_DELAY_MS"] = "5000" });
        await using var pool = new FunctionPool(spec, Options());
        Assert.IsType<PrewarmResult.Warm>(await pool.PrewarmAsync(_patience.Token));
        var warm = Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Echo(), _patience.Token));

        var results = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => pool.InvokeAsync(Events.Echo($"burst {i}"), _patience.Token)));

        Assert.All(results, result => Assert.Equal(
            Events.Pid(warm.Response), Events.Pid(Assert.IsType<PoolInvokeResult.Succeeded>(result).Response)));
        Assert.Equal(1, pool.Counters.Started);
    }

    [Theory]
    [InlineData(0.1, false)]
    [InlineData(2.0, true)]
    public async Task InvokeAsync_QueueLongerThanAColdStartButMoving_StartsAnotherOnlyWhenTheMachineHasASpareCore(
        double idleCores, bool startsAnother)
    {
        // Forty 50 ms invocations at once on one warm environment: the last waits about 2 s, longer than a 1 s cold
        // start, so the pool wants another environment once a waiter has waited a cold start. On saturated cores it
        // would only take CPU from the environment serving the queue, which keeps finishing invocations: no start.
        using var gate = EnvironmentStartGate.Watching(1, () => idleCores);
        var spec = _function.Spec(environment: new Dictionary<string, string> { ["TEST_INIT_DELAY_MS"] = "1000" });
        await using var pool = new FunctionPool(spec, Options() with { StartGate = gate });
        Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Echo(), _patience.Token));
        Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Echo(), _patience.Token));

        var results = await Task.WhenAll(
            Enumerable.Range(0, 40).Select(_ => pool.InvokeAsync(Events.Sleep(50), _patience.Token)));

        Assert.All(results, result => Assert.IsType<PoolInvokeResult.Succeeded>(result));
        Assert.Equal(startsAnother, pool.Counters.Started > 1);
    }

    [Theory]
    [InlineData(2.0, true)]
    [InlineData(0.1, false)]
    public async Task InvokeAsync_EnvironmentBusyAboveTheTargetUtilization_StartsOneMoreAheadOfTheQueue(
        double idleCores, bool startsAnother)
    {
        // Two callers back to back for 4 s keep one environment busy nearly all the time, yet each waits only one
        // 100 ms invocation: far less than a 3 s cold start, so only utilization (above 0.7) calls for another.
        using var gate = EnvironmentStartGate.Watching(1, () => idleCores);
        var spec = _function.Spec(environment: new Dictionary<string, string> { ["TEST_INIT_DELAY_MS"] = "3000" });
        await using var pool = new FunctionPool(spec, Options() with { StartGate = gate });
        Assert.IsType<PrewarmResult.Warm>(await pool.PrewarmAsync(_patience.Token));
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(4);

        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            while (DateTime.UtcNow < until)
            {
                Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Sleep(100), _patience.Token));
            }
        }));

        Assert.True(await Eventually.TrueAsync(() => pool.Counters.Started == (startsAnother ? 2 : 1)));
        Assert.Equal(startsAnother ? 2 : 1, pool.Counters.Started);
    }

    [Fact]
    public async Task InvokeAsync_EnvironmentBlockedOnSaturatedCores_StartsAnotherAnyway()
    {
        // The busy environment finishes nothing for 3 s: the queue is not slow because of the CPU, so a start helps.
        using var gate = EnvironmentStartGate.Watching(1, () => 0.0);
        await using var pool = new FunctionPool(_function.Spec(), Options() with { StartGate = gate });
        Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Echo(), _patience.Token));
        var blocked = pool.InvokeAsync(Events.Sleep(3000), _patience.Token);
        Assert.True(await Eventually.TrueAsync(() => pool.Counters.Busy == 1));

        var other = Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Echo(), _patience.Token));

        var first = Assert.IsType<PoolInvokeResult.Succeeded>(await blocked);
        Assert.NotEqual(Events.Pid(first.Response), Events.Pid(other.Response));
        Assert.Equal(2, pool.Counters.Started);
    }

    [Fact]
    public async Task InvokeAsync_TwoPoolsShareOneStartTurn_TheSecondStartsOnlyAfterTheFirstIsReady()
    {
        using var gate = new EnvironmentStartGate(1);
        var slowSpec = _function.Spec(environment: new Dictionary<string, string> { ["TEST_INIT_DELAY_MS"] = "3000" });
        await using var slow = new FunctionPool(slowSpec, Options() with { StartGate = gate });
        await using var other = new FunctionPool(_function.Spec(), Options() with { StartGate = gate });
        var slowInvocation = slow.InvokeAsync(Events.Echo(), _patience.Token);
        Assert.True(await Eventually.TrueAsync(() => slow.Counters.Started == 1));

        var otherInvocation = other.InvokeAsync(Events.Echo(), _patience.Token);
        await Task.Delay(TimeSpan.FromSeconds(1)); // Well inside the slow start's 3 s.
        var startedMeanwhile = other.Counters.Started;

        Assert.Equal(0, startedMeanwhile);
        Assert.IsType<PoolInvokeResult.Succeeded>(await otherInvocation);
        Assert.IsType<PoolInvokeResult.Succeeded>(await slowInvocation);
        Assert.Equal(1, other.Counters.Started);
    }

    [Fact]
    public async Task InvokeAsync_WhileAnotherRuns_UsesASecondEnvironment()
    {
        await using var pool = new FunctionPool(_function.Spec(), Options());
        var slow = pool.InvokeAsync(Events.Sleep(3000), _patience.Token);
        Assert.True(await Eventually.TrueAsync(() => pool.Counters.Busy == 1));

        var fast = Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Echo(), _patience.Token));
        var first = Assert.IsType<PoolInvokeResult.Succeeded>(await slow);

        Assert.NotEqual(Events.Pid(first.Response), Events.Pid(fast.Response));
        Assert.Equal(2, pool.Counters.Started);
    }

    [Fact]
    public async Task IdleTimeout_Elapsed_EnvironmentStoppedAndTheNextInvocationIsCold()
    {
        await using var pool = new FunctionPool(_function.Spec(), Options(idleTimeout: TimeSpan.FromMilliseconds(300)));
        var first = Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Echo(), _patience.Token));

        Assert.True(await Eventually.TrueAsync(() => pool.Counters.Alive == 0));
        var next = Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Echo(), _patience.Token));

        Assert.False(OsProcess.IsRunning(Events.Pid(first.Response)));
        Assert.True(next.ColdStart);
    }

    [Fact]
    public async Task DisposeAsync_WithIdleAndBusyEnvironments_LeavesNoProcessRunning()
    {
        var pool = new FunctionPool(_function.Spec(), Options());
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => pool.InvokeAsync(Events.Sleep(500), _patience.Token)));
        var busy = pool.InvokeAsync(Events.Sleep(60_000), _patience.Token);
        Assert.True(await Eventually.TrueAsync(() => pool.Counters.Busy == 1));
        var pids = _sink.AnnouncedPids();
        Assert.NotEmpty(pids);

        await pool.DisposeAsync();

        Assert.All(pids, pid => Assert.False(OsProcess.IsRunning(pid)));
        Assert.IsType<PoolInvokeResult.Crashed>(await busy);
        Assert.Equal(0, pool.Counters.Alive);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pool.InvokeAsync(Events.Echo(), _patience.Token));
    }

    [Fact]
    public async Task InvokeAsync_FunctionWritesLines_ForwardedPrefixedWithTheFunctionName()
    {
        var spec = _function.Spec(name: "GetProduct" + Guid.NewGuid().ToString("N")[..6]);
        await using var pool = new FunctionPool(spec, Options());

        Assert.IsType<PoolInvokeResult.Succeeded>(
            await pool.InvokeAsync(Events.Print(["hello out"], ["hello err"]), _patience.Token));

        var prefix = "[" + spec.FunctionName + "] ";
        Assert.True(await Eventually.TrueAsync(() => _sink.Entries.Contains((prefix + "hello out", false))));
        Assert.True(await Eventually.TrueAsync(() => _sink.Entries.Contains((prefix + "hello err", true))));
    }

    [Fact]
    public async Task PrewarmAsync_NoEnvironment_StartsOneSoTheFirstInvocationIsWarm()
    {
        await using var pool = new FunctionPool(_function.Spec(), Options());

        var prewarm = Assert.IsType<PrewarmResult.Warm>(await pool.PrewarmAsync(_patience.Token));
        var again = Assert.IsType<PrewarmResult.Warm>(await pool.PrewarmAsync(_patience.Token));
        var first = Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Echo(), _patience.Token));

        Assert.NotNull(prewarm.InitDuration);
        Assert.Null(again.InitDuration);
        Assert.False(first.ColdStart);
        Assert.Equal(1, pool.Counters.Started);
    }

    [Fact]
    public async Task PrewarmAsync_InitFails_FailedWithTheReason()
    {
        var spec = _function.Spec(environment: new Dictionary<string, string> { ["TEST_INIT"] = "exit" });
        await using var pool = new FunctionPool(spec, Options());

        var failed = Assert.IsType<PrewarmResult.Failed>(await pool.PrewarmAsync(_patience.Token));

        Assert.Contains("init boom", failed.Message, StringComparison.Ordinal);
        Assert.Equal(0, pool.Counters.Alive);
    }

    [Fact]
    public void Constructor_SpecSetsAReservedVariable_ThrowsNamingIt()
    {
        var spec = _function.Spec(environment: new Dictionary<string, string> { ["AWS_REGION"] = "us-east-1" });

        var error = Assert.Throws<ArgumentException>(() => new FunctionPool(spec, Options()));

        Assert.Contains("Reserved keys used in this request: AWS_REGION", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_CallerStopsWaiting_InvocationStillCompletesAndEnvironmentIsReused()
    {
        await using var pool = new FunctionPool(_function.Spec(), Options());
        var warm = Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Echo(), _patience.Token));
        using var caller = new CancellationTokenSource();

        var abandoned = pool.InvokeAsync(Events.Sleep(500), caller.Token);
        await caller.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.True(await Eventually.TrueAsync(() => pool.Counters.Busy == 0));
        var next = Assert.IsType<PoolInvokeResult.Succeeded>(await pool.InvokeAsync(Events.Echo(), _patience.Token));

        Assert.Equal(Events.Pid(warm.Response), Events.Pid(next.Response));
    }

    private FunctionPoolOptions Options(
        int maxEnvironments = 10,
        TimeSpan? idleTimeout = null,
        Func<ExecutionEnvironmentOptions, ExecutionEnvironmentOptions>? environment = null)
    {
        // Generous init limit: node starts slowly on a loaded machine, and init timing is not what most tests check.
        var environmentOptions = new ExecutionEnvironmentOptions
        {
            InitTimeout = TimeSpan.FromSeconds(60),
            ShutdownGrace = TimeSpan.FromSeconds(2),
            LogSink = _sink,
        };
        return new FunctionPoolOptions
        {
            MaxEnvironments = maxEnvironments,
            IdleTimeout = idleTimeout ?? TimeSpan.FromMinutes(10),
            Environment = environment is null ? environmentOptions : environment(environmentOptions),
        };
    }
}
