using Products.Lambda.Runtime;

namespace Products.Lambda.Tests.Runtime;

public sealed class LambdaContextTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RemainingTime_BeforeDeadline_IsTimeUntilDeadline()
    {
        var clock = new ManualTimeProvider(Now);
        var context = Context(Now.AddSeconds(3), clock);

        clock.Now = Now.AddSeconds(1);

        Assert.Equal(TimeSpan.FromSeconds(2), context.RemainingTime);
    }

    [Fact]
    public void RemainingTime_AfterDeadline_IsZero()
    {
        var clock = new ManualTimeProvider(Now);
        var context = Context(Now.AddSeconds(3), clock);

        clock.Now = Now.AddSeconds(10);

        Assert.Equal(TimeSpan.Zero, context.RemainingTime);
    }

    [Fact]
    public void Properties_Always_ComeFromRequestAndFunction()
    {
        var request = new InvocationRequest(
            "req-1", Now, "arn:aws:lambda:us-east-1:1:function:f", "Root=1-a", "ctx", "cognito", ReadOnlyMemory<byte>.Empty);
        var function = new LambdaFunctionInfo("f", "7", 512, "group", "stream");

        var context = new LambdaContext(request, function, new ManualTimeProvider(Now), true, CancellationToken.None);

        Assert.Equal(
            ("req-1", "arn:aws:lambda:us-east-1:1:function:f", "Root=1-a", "ctx", "cognito", Now),
            (context.RequestId, context.InvokedFunctionArn, context.TraceId, context.ClientContext,
                context.CognitoIdentity, context.Deadline));
        Assert.Equal(
            ("f", "7", 512, "group", "stream", true),
            (context.FunctionName, context.FunctionVersion, context.MemoryLimitInMb, context.LogGroupName,
                context.LogStreamName, context.IsColdStart));
    }

    private static LambdaContext Context(DateTimeOffset deadline, TimeProvider clock) => new(
        new InvocationRequest("req", deadline, "arn", null, null, null, ReadOnlyMemory<byte>.Empty),
        new LambdaFunctionInfo("f", "$LATEST", 128, null, null),
        clock,
        false,
        CancellationToken.None);
}
