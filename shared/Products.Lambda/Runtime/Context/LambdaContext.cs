namespace Products.Lambda.Runtime;

/// <summary>
/// Everything a handler may want to know about the current invocation: the Runtime API's invocation headers, the
/// function's environment, the time left and a token that fires shortly before Lambda's deadline.
/// </summary>
public sealed class LambdaContext
{
    private readonly InvocationRequest _request;
    private readonly LambdaFunctionInfo _function;
    private readonly TimeProvider _time;

    /// <summary>Creates the context of one invocation. The bootstrap does this; tests of handlers may too.</summary>
    /// <param name="request">The invocation being handled.</param>
    /// <param name="function">The function's environment.</param>
    /// <param name="time">Clock for <see cref="RemainingTime"/>.</param>
    /// <param name="isColdStart">True for the first invocation of the process.</param>
    /// <param name="cancellationToken">Cancelled a safety margin before <see cref="Deadline"/>, or on shutdown.</param>
    public LambdaContext(
        InvocationRequest request,
        LambdaFunctionInfo function,
        TimeProvider time,
        bool isColdStart,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(time);
        _request = request;
        _function = function;
        _time = time;
        IsColdStart = isColdStart;
        CancellationToken = cancellationToken;
    }

    /// <summary>The invocation's request id (Lambda-Runtime-Aws-Request-Id).</summary>
    public string RequestId => _request.RequestId;

    /// <summary>The function's name.</summary>
    public string FunctionName => _function.FunctionName;

    /// <summary>The version being executed.</summary>
    public string FunctionVersion => _function.FunctionVersion;

    /// <summary>Configured memory in MB; 0 when unknown.</summary>
    public int MemoryLimitInMb => _function.MemoryLimitInMb;

    /// <summary>The ARN used to invoke: function, version or alias.</summary>
    public string InvokedFunctionArn => _request.InvokedFunctionArn;

    /// <summary>CloudWatch Logs group of the function, when known.</summary>
    public string? LogGroupName => _function.LogGroupName;

    /// <summary>CloudWatch Logs stream of this execution environment, when known.</summary>
    public string? LogStreamName => _function.LogStreamName;

    /// <summary>The X-Ray tracing header of this invocation, when present.</summary>
    public string? TraceId => _request.TraceId;

    /// <summary>Client context from the AWS Mobile SDK, when present.</summary>
    public string? ClientContext => _request.ClientContext;

    /// <summary>Amazon Cognito identity from the AWS Mobile SDK, when present.</summary>
    public string? CognitoIdentity => _request.CognitoIdentity;

    /// <summary>When Lambda stops the invocation.</summary>
    public DateTimeOffset Deadline => _request.Deadline;

    /// <summary>Time until <see cref="Deadline"/>; zero once it has passed.</summary>
    public TimeSpan RemainingTime
    {
        get
        {
            var left = _request.Deadline - _time.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>
    /// Cancelled a safety margin before <see cref="Deadline"/>, so the handler can still send an answer before Lambda
    /// kills the invocation, and when the process is asked to stop.
    /// </summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>True only for the first invocation this process handles.</summary>
    public bool IsColdStart { get; }
}
