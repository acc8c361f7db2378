using System.Text;
using System.Text.Json;
using Products.Lambda.Runtime;
using Products.Emulator.RuntimeApi;

namespace Products.Lambda.Tests.Runtime;

public sealed class RuntimeApiClientTests
{
    private const string Arn = "arn:aws:lambda:us-east-1:123456789012:function:products-test";

    [Fact]
    public async Task GetNextInvocationAsync_EventWithAllHeaders_ReadsEveryField()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var client = new RuntimeApiClient(server.Endpoint, null);
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(1_900_000_000_123);
        var settings = new InvocationSettings(
            NewRequestId(),
            deadline,
            Arn,
            "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1",
            "eyJjdXN0b20iOnt9fQ==",
            """{"cognitoIdentityId":"id-1","cognitoIdentityPoolId":"pool-1"}""");

        _ = server.InvokeAsync(Encoding.UTF8.GetBytes("""{"a":1}"""), settings, timeout.Token);
        var request = await client.GetNextInvocationAsync(timeout.Token);

        Assert.Equal(settings.RequestId, request.RequestId);
        Assert.Equal(deadline, request.Deadline);
        Assert.Equal(Arn, request.InvokedFunctionArn);
        Assert.Equal(settings.TraceId, request.TraceId);
        Assert.Equal(settings.ClientContext, request.ClientContext);
        Assert.Equal(settings.CognitoIdentity, request.CognitoIdentity);
        Assert.Equal("""{"a":1}""", Encoding.UTF8.GetString(request.Payload.Span));
    }

    [Fact]
    public async Task SendResponseAsync_DeliveredInvocation_CompletesIt()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var client = new RuntimeApiClient(server.Endpoint, null);
        var invoke = server.InvokeAsync(Encoding.UTF8.GetBytes("{}"), Settings(), timeout.Token);
        var request = await client.GetNextInvocationAsync(timeout.Token);

        await client.SendResponseAsync(request.RequestId, Encoding.UTF8.GetBytes("done"), timeout.Token);

        var succeeded = Assert.IsType<InvocationOutcome.Succeeded>(await invoke);
        Assert.Equal("done", Encoding.UTF8.GetString(succeeded.Response.Span));
    }

    [Fact]
    public async Task SendResponseAsync_UnknownRequestId_ThrowsClientErrorInvalidRequestId()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var client = new RuntimeApiClient(server.Endpoint, null);

        var error = await Assert.ThrowsAsync<RuntimeApiException>(
            () => client.SendResponseAsync(NewRequestId(), Encoding.UTF8.GetBytes("{}"), timeout.Token));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("InvalidRequestID", error.ErrorType);
        Assert.True(error.IsClientError);
    }

    [Fact]
    public async Task SendResponseAsync_OverSixMegabytes_Throws413()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var client = new RuntimeApiClient(server.Endpoint, null);
        var invoke = server.InvokeAsync(Encoding.UTF8.GetBytes("{}"), Settings(), timeout.Token);
        var request = await client.GetNextInvocationAsync(timeout.Token);

        var error = await Assert.ThrowsAsync<RuntimeApiException>(() => client.SendResponseAsync(
            request.RequestId, new byte[RuntimeApiLimits.MaxResponseBytes + 1], timeout.Token));

        Assert.Equal(413, error.StatusCode);
        Assert.Equal("RequestEntityTooLarge", error.ErrorType);
        Assert.IsType<InvocationOutcome.ResponseTooLarge>(await invoke);
    }

    [Fact]
    public async Task SendErrorAsync_Always_PostsTheStandardErrorFormatWithTheErrorTypeHeader()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var recorder = new RecordingHandler();
        using var client = new RuntimeApiClient(server.Endpoint, recorder);
        var invoke = server.InvokeAsync(Encoding.UTF8.GetBytes("{}"), Settings(), timeout.Token);
        var request = await client.GetNextInvocationAsync(timeout.Token);

        await client.SendErrorAsync(
            request.RequestId,
            new LambdaError("ProductsException", "went wrong", ["at A.B()", "at C.D()"]),
            timeout.Token);

        var error = Assert.IsType<InvocationOutcome.FunctionError>(await invoke);
        Assert.Equal("ProductsException", error.ErrorType);
        using var body = JsonDocument.Parse(error.Body);
        Assert.Equal("went wrong", body.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("ProductsException", body.RootElement.GetProperty("errorType").GetString());
        Assert.Equal(
            ["at A.B()", "at C.D()"],
            body.RootElement.GetProperty("stackTrace").EnumerateArray().Select(e => e.GetString()));
        var posted = Assert.Single(recorder.Requests, r => r.Method == "POST");
        Assert.Equal($"/2018-06-01/runtime/invocation/{request.RequestId}/error", posted.Path);
        Assert.Equal("application/vnd.aws.lambda.error+json", posted.ContentType);
        Assert.Equal("ProductsException", posted.FunctionErrorType);
    }

    [Fact]
    public async Task SendInitErrorAsync_DuringInit_ServerSeesInitFailed()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var client = new RuntimeApiClient(server.Endpoint, null);

        await client.SendInitErrorAsync(new LambdaError("ConfigException", "no table", []), timeout.Token);

        var failed = Assert.IsType<InitOutcome.Failed>(await server.WaitForInitAsync(timeout.Token));
        Assert.Equal("ConfigException", failed.ErrorType);
        Assert.Equal("no table", failed.ErrorMessage);
    }

    [Fact]
    public async Task GetNextInvocationAsync_ServerShutsDown_ThrowsServerError()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var client = new RuntimeApiClient(server.Endpoint, null);
        var next = client.GetNextInvocationAsync(timeout.Token);
        await server.WaitForInitAsync(timeout.Token);

        await server.DisposeAsync();

        var error = await Assert.ThrowsAsync<RuntimeApiException>(() => next);
        Assert.Equal(500, error.StatusCode);
        Assert.False(error.IsClientError);
    }

    private static InvocationSettings Settings() => new(NewRequestId(), DateTimeOffset.UtcNow.AddMinutes(1), Arn);

    private static string NewRequestId() => Guid.NewGuid().ToString();
}
