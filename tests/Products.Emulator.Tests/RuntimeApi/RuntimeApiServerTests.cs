using System.Net;
using System.Text;
using System.Text.Json;
using Products.Emulator.RuntimeApi;

namespace Products.Emulator.Tests.RuntimeApi;

public sealed class RuntimeApiServerTests
{
    // A safety net so a broken server fails the test instead of hanging the run; never asserted on.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task StartAsync_Always_ListensOnLoopbackHostPort()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);

        Assert.StartsWith("127.0.0.1:", server.Endpoint, StringComparison.Ordinal);
        Assert.DoesNotContain("/", server.Endpoint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForInitAsync_FunctionCallsNext_ReturnsReady()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var function = new FunctionSide(server.Endpoint);
        var before = DateTimeOffset.UtcNow;

        var next = function.NextAsync(timeout.Token);
        var outcome = await server.WaitForInitAsync(timeout.Token);

        var ready = Assert.IsType<InitOutcome.Ready>(outcome);
        Assert.True(ready.At >= before);
        Assert.False(next.IsCompleted);
    }

    [Fact]
    public async Task WaitForInitAsync_FunctionPostsInitError_ReturnsFailedWithTypeAndMessage()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var function = new FunctionSide(server.Endpoint);

        using var answer = await function.InitErrorAsync(
            "Runtime.ConfigInvalid",
            """{"errorMessage":"TABLE_NAME is not set","errorType":"ConfigException","stackTrace":[]}""",
            timeout.Token);
        var outcome = await server.WaitForInitAsync(timeout.Token);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var failed = Assert.IsType<InitOutcome.Failed>(outcome);
        Assert.Equal("Runtime.ConfigInvalid", failed.ErrorType);
        Assert.Equal("TABLE_NAME is not set", failed.ErrorMessage);
    }

    [Fact]
    public async Task InitError_WithoutHeader_TakesTypeFromBody()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var function = new FunctionSide(server.Endpoint);

        using var answer = await function.InitErrorAsync(
            null, """{"errorMessage":"boom","errorType":"ConfigException"}""", timeout.Token);

        var failed = Assert.IsType<InitOutcome.Failed>(await server.WaitForInitAsync(timeout.Token));
        Assert.Equal("ConfigException", failed.ErrorType);
    }

    [Fact]
    public async Task InitError_AfterFirstNext_IsForbidden()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var function = new FunctionSide(server.Endpoint);
        _ = function.NextAsync(timeout.Token);
        await server.WaitForInitAsync(timeout.Token);

        using var answer = await function.InitErrorAsync("Runtime.Late", "{}", timeout.Token);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal("InvalidStateTransition", await ErrorTypeOf(answer));
    }

    [Fact]
    public async Task Next_AfterInitError_IsForbiddenAndInvokeThrows()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var function = new FunctionSide(server.Endpoint);
        using var initError = await function.InitErrorAsync("Runtime.Broken", "{}", timeout.Token);

        using var next = await function.NextAsync(timeout.Token);

        Assert.Equal(HttpStatusCode.Forbidden, next.StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => server.InvokeAsync(Bytes("{}"), Settings(), timeout.Token));
    }

    [Fact]
    public async Task InvokeAsync_FunctionResponds_NextCarriesEventAndHeaders()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var function = new FunctionSide(server.Endpoint);
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(
            DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds());
        var settings = new InvocationSettings(
            NewRequestId(),
            deadline,
            "arn:aws:lambda:us-east-1:123456789012:function:products-list",
            "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1",
            "eyJjbGllbnQiOnt9fQ==",
            """{"cognitoIdentityId":"id-1","cognitoIdentityPoolId":"pool-1"}""");

        var invoke = server.InvokeAsync(Bytes("""{"path":"/products"}"""), settings, timeout.Token);
        using var next = await function.NextAsync(timeout.Token);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal("""{"path":"/products"}""", await next.Content.ReadAsStringAsync(timeout.Token));
        Assert.Equal(settings.RequestId, Header(next, "Lambda-Runtime-Aws-Request-Id"));
        Assert.Equal(
            deadline.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            Header(next, "Lambda-Runtime-Deadline-Ms"));
        Assert.Equal(settings.InvokedFunctionArn, Header(next, "Lambda-Runtime-Invoked-Function-Arn"));
        Assert.Equal(settings.TraceId, Header(next, "Lambda-Runtime-Trace-Id"));
        Assert.Equal(settings.ClientContext, Header(next, "Lambda-Runtime-Client-Context"));
        Assert.Equal(settings.CognitoIdentity, Header(next, "Lambda-Runtime-Cognito-Identity"));

        using var accepted = await function.RespondAsync(
            settings.RequestId, Bytes("""{"statusCode":200}"""), timeout.Token);
        var outcome = await invoke;

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var succeeded = Assert.IsType<InvocationOutcome.Succeeded>(outcome);
        Assert.Equal("""{"statusCode":200}""", Encoding.UTF8.GetString(succeeded.Response.Span));
    }

    [Fact]
    public async Task InvokeAsync_WithoutOptionalSettings_OmitsTheirHeaders()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var function = new FunctionSide(server.Endpoint);

        _ = server.InvokeAsync(Bytes("{}"), Settings(), timeout.Token);
        using var next = await function.NextAsync(timeout.Token);

        Assert.False(next.Headers.Contains("Lambda-Runtime-Trace-Id"));
        Assert.False(next.Headers.Contains("Lambda-Runtime-Client-Context"));
        Assert.False(next.Headers.Contains("Lambda-Runtime-Cognito-Identity"));
    }

    [Fact]
    public async Task InvokeAsync_WhileAnotherIsInProgress_Throws()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        var first = server.InvokeAsync(Bytes("{}"), Settings(), timeout.Token);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => server.InvokeAsync(Bytes("{}"), Settings(), timeout.Token));
        Assert.False(first.IsCompleted);
    }

    [Fact]
    public async Task InvokeAsync_AfterPreviousCompleted_IsAccepted()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var function = new FunctionSide(server.Endpoint);

        foreach (var body in new[] { "one", "two" })
        {
            var settings = Settings();
            var invoke = server.InvokeAsync(Bytes("{}"), settings, timeout.Token);
            using var next = await function.NextAsync(timeout.Token);
            using var accepted = await function.RespondAsync(settings.RequestId, Bytes(body), timeout.Token);

            var succeeded = Assert.IsType<InvocationOutcome.Succeeded>(await invoke);
            Assert.Equal(body, Encoding.UTF8.GetString(succeeded.Response.Span));
        }
    }

    [Fact]
    public async Task Response_UnknownRequestId_Returns400InvalidRequestId()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var function = new FunctionSide(server.Endpoint);
        var invoke = server.InvokeAsync(Bytes("{}"), Settings(), timeout.Token);
        using var next = await function.NextAsync(timeout.Token);

        using var answer = await function.RespondAsync(NewRequestId(), Bytes("{}"), timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        using var error = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(timeout.Token));
        Assert.Equal("InvalidRequestID", error.RootElement.GetProperty("errorType").GetString());
        Assert.False(string.IsNullOrEmpty(error.RootElement.GetProperty("errorMessage").GetString()));
        Assert.False(invoke.IsCompleted);
    }

    [Fact]
    public async Task Response_BeforeNextDeliveredIt_Returns400()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var function = new FunctionSide(server.Endpoint);
        var settings = Settings();
        var invoke = server.InvokeAsync(Bytes("{}"), settings, timeout.Token);

        using var answer = await function.RespondAsync(settings.RequestId, Bytes("{}"), timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.False(invoke.IsCompleted);
    }

    [Fact]
    public async Task Response_SecondForSameRequestId_Returns400()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var function = new FunctionSide(server.Endpoint);
        var settings = Settings();
        var invoke = server.InvokeAsync(Bytes("{}"), settings, timeout.Token);
        using var next = await function.NextAsync(timeout.Token);
        using var first = await function.RespondAsync(settings.RequestId, Bytes("first"), timeout.Token);
        await invoke;

        using var second = await function.RespondAsync(settings.RequestId, Bytes("second"), timeout.Token);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("InvalidRequestID", await ErrorTypeOf(second));
    }

    [Fact]
    public async Task Response_AfterCallerCancelled_Returns400AndServerKeepsWorking()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var function = new FunctionSide(server.Endpoint);
        var late = Settings();
        using var invocationTimeout = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var invoke = server.InvokeAsync(Bytes("{}"), late, invocationTimeout.Token);
        using var next = await function.NextAsync(timeout.Token);

        await invocationTimeout.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => invoke);
        using var answer = await function.RespondAsync(late.RequestId, Bytes("late"), timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("InvalidRequestID", await ErrorTypeOf(answer));

        var fresh = Settings();
        var again = server.InvokeAsync(Bytes("{}"), fresh, timeout.Token);
        using var nextAgain = await function.NextAsync(timeout.Token);
        Assert.Equal(fresh.RequestId, Header(nextAgain, "Lambda-Runtime-Aws-Request-Id"));
        using var accepted = await function.RespondAsync(fresh.RequestId, Bytes("on time"), timeout.Token);
        Assert.IsType<InvocationOutcome.Succeeded>(await again);
    }

    [Fact]
    public async Task Next_InvocationCancelledBeforeDelivery_IsSkipped()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var function = new FunctionSide(server.Endpoint);
        using var cancelled = new CancellationTokenSource();
        var stale = server.InvokeAsync(Bytes("stale"), Settings(), cancelled.Token);
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stale);

        var fresh = Settings();
        _ = server.InvokeAsync(Bytes("fresh"), fresh, timeout.Token);
        using var next = await function.NextAsync(timeout.Token);

        Assert.Equal(fresh.RequestId, Header(next, "Lambda-Runtime-Aws-Request-Id"));
        Assert.Equal("fresh", await next.Content.ReadAsStringAsync(timeout.Token));
    }

    [Fact]
    public async Task Error_WithHeaderAndBody_ReturnsFunctionErrorWithHeaderTypeAndBodyAsSent()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var function = new FunctionSide(server.Endpoint);
        var settings = Settings();
        var invoke = server.InvokeAsync(Bytes("{}"), settings, timeout.Token);
        using var next = await function.NextAsync(timeout.Token);
        const string body = """{"errorMessage":"boom","errorType":"InvalidOperationException","stackTrace":["at A.B()"]}""";

        using var answer = await function.FailAsync(settings.RequestId, "Function.Crashed", body, timeout.Token);
        var outcome = await invoke;

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var error = Assert.IsType<InvocationOutcome.FunctionError>(outcome);
        Assert.Equal("Function.Crashed", error.ErrorType);
        Assert.Equal(body, error.Body);
    }

    [Fact]
    public async Task Error_WithoutBody_BuildsTheDocumentFromTheHeader()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var function = new FunctionSide(server.Endpoint);
        var settings = Settings();
        var invoke = server.InvokeAsync(Bytes("{}"), settings, timeout.Token);
        using var next = await function.NextAsync(timeout.Token);

        using var answer = await function.FailAsync(settings.RequestId, "Runtime.Unknown", string.Empty, timeout.Token);

        var error = Assert.IsType<InvocationOutcome.FunctionError>(await invoke);
        Assert.Equal("Runtime.Unknown", error.ErrorType);
        using var document = JsonDocument.Parse(error.Body);
        Assert.Equal("Runtime.Unknown", document.RootElement.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task Error_UnknownRequestId_Returns400InvalidRequestId()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var function = new FunctionSide(server.Endpoint);

        using var answer = await function.FailAsync(NewRequestId(), "Function.Crashed", "{}", timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("InvalidRequestID", await ErrorTypeOf(answer));
    }

    [Fact]
    public async Task Response_OverSixMegabytes_Returns413AndResponseTooLarge()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var function = new FunctionSide(server.Endpoint);
        var settings = Settings();
        var invoke = server.InvokeAsync(Bytes("{}"), settings, timeout.Token);
        using var next = await function.NextAsync(timeout.Token);

        using var answer = await function.RespondAsync(
            settings.RequestId, new byte[RuntimeApiLimits.MaxResponseBytes + 1], timeout.Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Equal("RequestEntityTooLarge", await ErrorTypeOf(answer));
        Assert.IsType<InvocationOutcome.ResponseTooLarge>(await invoke);
    }

    [Fact]
    public async Task Response_ExactlySixMegabytes_Succeeds()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var function = new FunctionSide(server.Endpoint);
        var settings = Settings();
        var invoke = server.InvokeAsync(Bytes("{}"), settings, timeout.Token);
        using var next = await function.NextAsync(timeout.Token);

        using var answer = await function.RespondAsync(
            settings.RequestId, new byte[RuntimeApiLimits.MaxResponseBytes], timeout.Token);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var succeeded = Assert.IsType<InvocationOutcome.Succeeded>(await invoke);
        Assert.Equal(6_291_456, succeeded.Response.Length);
    }

    [Fact]
    public async Task DisposeAsync_WhileFunctionWaitsOnNext_Answers500AndFailsInvoke()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var server = await RuntimeApiServer.StartAsync(timeout.Token);
        using var function = new FunctionSide(server.Endpoint);
        var next = function.NextAsync(timeout.Token);
        await server.WaitForInitAsync(timeout.Token);

        await server.DisposeAsync();

        using var answer = await next;
        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => server.InvokeAsync(Bytes("{}"), Settings(), timeout.Token));
    }

    private static InvocationSettings Settings() => new(
        NewRequestId(),
        DateTimeOffset.UtcNow.AddMinutes(1),
        "arn:aws:lambda:us-east-1:123456789012:function:products-test");

    private static string NewRequestId() => Guid.NewGuid().ToString();

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private static async Task<string?> ErrorTypeOf(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("errorType").GetString();
    }
}
