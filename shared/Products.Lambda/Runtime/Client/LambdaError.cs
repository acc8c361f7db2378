namespace Products.Lambda.Runtime;

/// <summary>
/// An error reported to Lambda in the standard AWS Lambda error format
/// (<c>{"errorMessage","errorType","stackTrace"}</c>, AWS Lambda Runtime API 2018-06-01, "ErrorRequest").
/// </summary>
/// <remarks>
/// This is the Lambda-level error channel: direct invokers (console, CLI, SDK) and the function's logs see it; API
/// Gateway never forwards it to HTTP clients, it answers them with a generic 5xx. HTTP handlers should still turn
/// their expected failures into HTTP responses and only let bugs reach this channel.
/// </remarks>
/// <param name="ErrorType">The error's type, also sent as the <c>Lambda-Runtime-Function-Error-Type</c> header.</param>
/// <param name="ErrorMessage">A human-readable message.</param>
/// <param name="StackTrace">Stack frames, one per entry; may be empty.</param>
public sealed record LambdaError(string ErrorType, string ErrorMessage, IReadOnlyList<string> StackTrace)
{
    /// <summary>
    /// Describes an exception the way the AWS .NET runtime does: the exception's type name, its message and one entry
    /// per stack frame.
    /// </summary>
    public static LambdaError FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var frames = (exception.StackTrace ?? string.Empty)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new LambdaError(exception.GetType().Name, exception.Message, frames);
    }
}
