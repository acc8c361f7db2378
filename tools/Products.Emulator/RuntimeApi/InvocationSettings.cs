namespace Products.Emulator.RuntimeApi;

/// <summary>
/// The invocation metadata the Runtime API hands the function with an event, as the <c>next</c> response headers of
/// the AWS Lambda Runtime API, 2018-06-01 ("Using the Lambda runtime API for custom runtimes", "Next invocation").
/// </summary>
public sealed record InvocationSettings(
    string RequestId,
    DateTimeOffset Deadline,
    string InvokedFunctionArn,
    string? TraceId = null,
    string? ClientContext = null,
    string? CognitoIdentity = null);
