using System.Text;
using System.Text.Json;
using Products.Lambda.Runtime;
using Products.Emulator.RuntimeApi;

namespace Products.Lambda.Tests.Runtime;

// All tests that run the loop live in this one class: the loop sets the process-wide _X_AMZN_TRACE_ID, so they must
// not run in parallel with each other (xunit runs the tests of one class one after another).
public sealed partial class LambdaBootstrapTests
{
    private const string Arn = "arn:aws:lambda:us-east-1:123456789012:function:products-test";

    [Fact]
    public async Task RunAsync_HandlerReturnsBody_ResponseRoundTrips()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        await using var run = await BootstrapRun.StartAsync(
            (request, _) => Task.FromResult<ReadOnlyMemory<byte>>(Bytes("echo:" + Text(request.Payload))),
            timeout.Token);

        var outcome = await run.Server.InvokeAsync(Bytes("""{"path":"/products"}"""), Settings(), timeout.Token);

        var succeeded = Assert.IsType<InvocationOutcome.Succeeded>(outcome);
        Assert.Equal("""echo:{"path":"/products"}""", Text(succeeded.Response));
        Assert.Equal(LambdaExitCodes.Stopped, await run.StopAsync());
    }

    [Fact]
    public async Task RunAsync_Invocation_ContextCarriesHeadersAndFunctionInfo()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        LambdaContext? seen = null;
        string? traceVariable = null;
        await using var run = await BootstrapRun.StartAsync(
            (_, context) =>
            {
                seen = context;
                traceVariable = System.Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID");
                return Task.FromResult(ReadOnlyMemory<byte>.Empty);
            },
            timeout.Token);
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(
            DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds());
        var traceId = $"Root=1-5bef4de7-{Guid.NewGuid():N};Parent=9a9197af755a6419;Sampled=1";
        var settings = new InvocationSettings(
            NewRequestId(),
            deadline,
            Arn + ":live",
            traceId,
            "eyJjdXN0b20iOnt9fQ==",
            """{"cognitoIdentityId":"id-1","cognitoIdentityPoolId":"pool-1"}""");

        await run.Server.InvokeAsync(Bytes("{}"), settings, timeout.Token);

        Assert.NotNull(seen);
        Assert.Equal(settings.RequestId, seen.RequestId);
        Assert.Equal(Arn + ":live", seen.InvokedFunctionArn);
        Assert.Equal(traceId, seen.TraceId);
        Assert.Equal(traceId, traceVariable);
        Assert.Equal(settings.ClientContext, seen.ClientContext);
        Assert.Equal(settings.CognitoIdentity, seen.CognitoIdentity);
        Assert.Equal(deadline, seen.Deadline);
        Assert.InRange(seen.RemainingTime, TimeSpan.FromTicks(1), TimeSpan.FromMinutes(5));
        Assert.Equal("products-test", seen.FunctionName);
        Assert.Equal("$LATEST", seen.FunctionVersion);
        Assert.Equal(256, seen.MemoryLimitInMb);
        Assert.Equal("/aws/lambda/products-test", seen.LogGroupName);
        Assert.Equal(BootstrapRun.Function.LogStreamName, seen.LogStreamName);
    }

    [Fact]
    public async Task RunAsync_TwoInvocations_OnlyTheFirstIsAColdStart()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        await using var run = await BootstrapRun.StartAsync(
            (_, context) => Task.FromResult<ReadOnlyMemory<byte>>(Bytes(context.IsColdStart ? "cold" : "warm")),
            timeout.Token);

        var first = await run.Server.InvokeAsync(Bytes("{}"), Settings(), timeout.Token);
        var second = await run.Server.InvokeAsync(Bytes("{}"), Settings(), timeout.Token);

        Assert.Equal("cold", Text(Assert.IsType<InvocationOutcome.Succeeded>(first).Response));
        Assert.Equal("warm", Text(Assert.IsType<InvocationOutcome.Succeeded>(second).Response));
    }

    [Fact]
    public async Task RunAsync_InvocationWithoutTraceId_ClearsThePreviousTraceVariable()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        await using var run = await BootstrapRun.StartAsync(
            (_, _) => Task.FromResult<ReadOnlyMemory<byte>>(
                Bytes(System.Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID") ?? "<none>")),
            timeout.Token);
        var traced = Settings() with { TraceId = $"Root=1-5bef4de7-{Guid.NewGuid():N}" };

        var first = await run.Server.InvokeAsync(Bytes("{}"), traced, timeout.Token);
        var second = await run.Server.InvokeAsync(Bytes("{}"), Settings(), timeout.Token);

        Assert.Equal(traced.TraceId, Text(Assert.IsType<InvocationOutcome.Succeeded>(first).Response));
        Assert.Equal("<none>", Text(Assert.IsType<InvocationOutcome.Succeeded>(second).Response));
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_ReportsFunctionErrorInTheSpecFormatAndContinues()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        await using var run = await BootstrapRun.StartAsync(
            (request, _) => Text(request.Payload) == "fail"
                ? throw new InvalidOperationException("Handler broke on purpose")
                : Task.FromResult<ReadOnlyMemory<byte>>(Bytes("fine")),
            timeout.Token);

        var failed = await run.Server.InvokeAsync(Bytes("fail"), Settings(), timeout.Token);
        var next = await run.Server.InvokeAsync(Bytes("ok"), Settings(), timeout.Token);

        var error = Assert.IsType<InvocationOutcome.FunctionError>(failed);
        Assert.Equal("InvalidOperationException", error.ErrorType);
        using var body = JsonDocument.Parse(error.Body);
        Assert.Equal("Handler broke on purpose", body.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("InvalidOperationException", body.RootElement.GetProperty("errorType").GetString());
        Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("stackTrace").ValueKind);
        var posted = Assert.Single(run.Recorder.Requests, r => r.Path.EndsWith("/error", StringComparison.Ordinal));
        Assert.Equal("application/vnd.aws.lambda.error+json", posted.ContentType);
        Assert.Equal("InvalidOperationException", posted.FunctionErrorType);
        Assert.Equal("fine", Text(Assert.IsType<InvocationOutcome.Succeeded>(next).Response));
    }

    [Fact]
    public async Task RunAsync_InitThrows_ReportsInitErrorAndReturnsFailed()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        await using var run = await BootstrapRun.StartAsync(
            _ => throw new InvalidOperationException("TABLE_NAME is not set"),
            options => options,
            timeout.Token);

        var outcome = await run.Server.WaitForInitAsync(timeout.Token);
        var exit = await run.Exit.WaitAsync(timeout.Token);

        var failed = Assert.IsType<InitOutcome.Failed>(outcome);
        Assert.Equal("InvalidOperationException", failed.ErrorType);
        Assert.Equal("TABLE_NAME is not set", failed.ErrorMessage);
        Assert.Equal(LambdaExitCodes.Failed, exit);
        Assert.DoesNotContain(run.Recorder.Requests, r => r.Path.EndsWith("/next", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_InitSucceeds_FirstNextMarksTheEnvironmentReady()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        await using var run = await BootstrapRun.StartAsync(
            async _ =>
            {
                await Task.Yield();
                return (_, _) => Task.FromResult(ReadOnlyMemory<byte>.Empty);
            },
            options => options,
            timeout.Token);

        var outcome = await run.Server.WaitForInitAsync(timeout.Token);

        Assert.IsType<InitOutcome.Ready>(outcome);
    }

    [Fact]
    public async Task RunAsync_ResponseOverSixMegabytes_ReportsTooLargeAndContinues()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        await using var run = await BootstrapRun.StartAsync(
            (request, _) => Task.FromResult<ReadOnlyMemory<byte>>(
                Text(request.Payload) == "big" ? new byte[RuntimeApiLimits.MaxResponseBytes + 1] : Bytes("small")),
            timeout.Token);

        var big = await run.Server.InvokeAsync(Bytes("big"), Settings(), timeout.Token);
        var small = await run.Server.InvokeAsync(Bytes("small"), Settings(), timeout.Token);
        var exit = await run.StopAsync();

        Assert.IsType<InvocationOutcome.ResponseTooLarge>(big);
        Assert.Equal("small", Text(Assert.IsType<InvocationOutcome.Succeeded>(small).Response));
        Assert.Equal(LambdaExitCodes.Stopped, exit);
        Assert.Contains("RequestEntityTooLarge", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DeadlineApproaches_CancelsTheContextTokenBeforeTheDeadline()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        await using var run = await BootstrapRun.StartAsync(
            _ => Task.FromResult<InvocationHandler>(async (_, context) =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                    return Bytes("never");
                }
                catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
                {
                    return Bytes("cancelled");
                }
            }),
            options => options with { DeadlineSafetyMargin = TimeSpan.FromSeconds(1) },
            timeout.Token);

        var outcome = await run.Server.InvokeAsync(
            Bytes("{}"), Settings() with { Deadline = DateTimeOffset.UtcNow.AddSeconds(1.5) }, timeout.Token);

        Assert.Equal("cancelled", Text(Assert.IsType<InvocationOutcome.Succeeded>(outcome).Response));
    }

    [Fact]
    public async Task RunAsync_DeadlineAlreadyPassed_TokenIsCancelledAndNoTimeRemains()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        await using var run = await BootstrapRun.StartAsync(
            (_, context) => Task.FromResult<ReadOnlyMemory<byte>>(
                Bytes($"{context.CancellationToken.IsCancellationRequested}/{context.RemainingTime}")),
            timeout.Token);

        var outcome = await run.Server.InvokeAsync(
            Bytes("{}"), Settings() with { Deadline = DateTimeOffset.UtcNow.AddSeconds(-1) }, timeout.Token);

        Assert.Equal($"True/{TimeSpan.Zero}", Text(Assert.IsType<InvocationOutcome.Succeeded>(outcome).Response));
    }

    [Fact]
    public async Task RunAsync_RuntimeApiGoesAway_ReturnsFailed()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        await using var run = await BootstrapRun.StartAsync(
            (_, _) => Task.FromResult(ReadOnlyMemory<byte>.Empty), timeout.Token);
        await run.Server.WaitForInitAsync(timeout.Token);

        await run.Server.DisposeAsync();
        var exit = await run.Exit.WaitAsync(timeout.Token);

        Assert.Equal(LambdaExitCodes.Failed, exit);
        Assert.Contains("next", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("http://127.0.0.1:9001")]
    [InlineData("127.0.0.1:9001/2018-06-01")]
    public async Task RunAsync_RuntimeApiMissingOrMalformed_ReturnsMisconfiguredWithoutInitializing(string? api)
    {
        using var output = new StringWriter();
        var initialized = false;
        var bootstrap = new LambdaBootstrap(new LambdaBootstrapOptions
        {
            RuntimeApi = api,
            Function = BootstrapRun.Function,
            ErrorOutput = output,
        });

        var exit = await bootstrap.RunAsync(
            _ =>
            {
                initialized = true;
                return Task.FromResult<InvocationHandler>((_, _) => Task.FromResult(ReadOnlyMemory<byte>.Empty));
            },
            CancellationToken.None);

        Assert.Equal(LambdaExitCodes.Misconfigured, exit);
        Assert.False(initialized);
        Assert.Contains("AWS_LAMBDA_RUNTIME_API", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FunctionNameMissing_ReturnsMisconfigured()
    {
        using var output = new StringWriter();
        var bootstrap = new LambdaBootstrap(new LambdaBootstrapOptions
        {
            RuntimeApi = "127.0.0.1:9001",
            Function = BootstrapRun.Function with { FunctionName = string.Empty },
            ErrorOutput = output,
        });

        var exit = await bootstrap.RunAsync(
            _ => Task.FromResult<InvocationHandler>((_, _) => Task.FromResult(ReadOnlyMemory<byte>.Empty)),
            CancellationToken.None);

        Assert.Equal(LambdaExitCodes.Misconfigured, exit);
        Assert.Contains("AWS_LAMBDA_FUNCTION_NAME", output.ToString(), StringComparison.Ordinal);
    }

    private static InvocationSettings Settings() => new(NewRequestId(), DateTimeOffset.UtcNow.AddMinutes(1), Arn);

    private static string NewRequestId() => Guid.NewGuid().ToString();

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}
