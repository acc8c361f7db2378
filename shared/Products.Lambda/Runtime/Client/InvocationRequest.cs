namespace Products.Lambda.Runtime;

/// <summary>
/// One invocation event as returned by <c>GET /2018-06-01/runtime/invocation/next</c> (AWS Lambda Runtime API,
/// "Using the Lambda runtime API for custom runtimes", section "Next invocation").
/// </summary>
/// <param name="RequestId">The <c>Lambda-Runtime-Aws-Request-Id</c> header: names the invocation when answering it.</param>
/// <param name="Deadline">The <c>Lambda-Runtime-Deadline-Ms</c> header: when Lambda stops the function.</param>
/// <param name="InvokedFunctionArn">The <c>Lambda-Runtime-Invoked-Function-Arn</c> header: function, version or alias ARN.</param>
/// <param name="TraceId">The <c>Lambda-Runtime-Trace-Id</c> header (X-Ray tracing header), when present.</param>
/// <param name="ClientContext">The <c>Lambda-Runtime-Client-Context</c> header (AWS Mobile SDK), when present.</param>
/// <param name="CognitoIdentity">The <c>Lambda-Runtime-Cognito-Identity</c> header (AWS Mobile SDK), when present.</param>
/// <param name="Payload">The event document, as sent.</param>
public sealed record InvocationRequest(
    string RequestId,
    DateTimeOffset Deadline,
    string InvokedFunctionArn,
    string? TraceId,
    string? ClientContext,
    string? CognitoIdentity,
    ReadOnlyMemory<byte> Payload);
