using System.Globalization;
using Products.Lambda.Environment;

namespace Products.Lambda.Runtime;

/// <summary>
/// What Lambda tells the process about the function it runs, from the "Defined runtime environment variables" of the
/// AWS Lambda documentation. The same for every invocation of the process.
/// </summary>
/// <param name="FunctionName">AWS_LAMBDA_FUNCTION_NAME.</param>
/// <param name="FunctionVersion">AWS_LAMBDA_FUNCTION_VERSION ($LATEST or a number).</param>
/// <param name="MemoryLimitInMb">AWS_LAMBDA_FUNCTION_MEMORY_SIZE; 0 when unknown.</param>
/// <param name="LogGroupName">AWS_LAMBDA_LOG_GROUP_NAME, when set.</param>
/// <param name="LogStreamName">AWS_LAMBDA_LOG_STREAM_NAME, when set.</param>
public sealed record LambdaFunctionInfo(
    string FunctionName,
    string FunctionVersion,
    int MemoryLimitInMb,
    string? LogGroupName,
    string? LogStreamName)
{
    /// <summary>
    /// Reads the function's variables. Never throws: a missing name stays empty and a missing or unreadable memory
    /// size is 0, so that <see cref="LambdaBootstrap"/> can refuse to start with a clear message instead.
    /// </summary>
    public static LambdaFunctionInfo FromEnvironment(IEnvironmentReader environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var memory = int.TryParse(
            environment.Get(EnvironmentVariableNames.FunctionMemorySize),
            NumberStyles.None,
            CultureInfo.InvariantCulture,
            out var mb) ? mb : 0;
        return new LambdaFunctionInfo(
            environment.Get(EnvironmentVariableNames.FunctionName) ?? string.Empty,
            environment.Get(EnvironmentVariableNames.FunctionVersion) ?? "$LATEST",
            memory,
            environment.Get(EnvironmentVariableNames.LogGroupName),
            environment.Get(EnvironmentVariableNames.LogStreamName));
    }
}
