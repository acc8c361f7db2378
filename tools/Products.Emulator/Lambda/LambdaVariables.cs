using System.Collections.Frozen;

namespace Products.Emulator.Lambda;

/// <summary>
/// The variables Lambda defines in every execution environment, as listed in "Working with Lambda environment
/// variables", section "Defined runtime environment variables" (AWS Lambda Developer Guide).
/// </summary>
internal static class LambdaVariables
{
    /// <summary>The template's Handler.</summary>
    public const string Handler = "_HANDLER";

    /// <summary>The X-Ray header; runtimes set it per invocation from Lambda-Runtime-Trace-Id.</summary>
    public const string TraceId = "_X_AMZN_TRACE_ID";

    public const string Region = "AWS_REGION";

    public const string DefaultRegion = "AWS_DEFAULT_REGION";

    /// <summary>"AWS_Lambda_" + the runtime identifier, e.g. AWS_Lambda_dotnet10.</summary>
    public const string ExecutionEnv = "AWS_EXECUTION_ENV";

    public const string FunctionName = "AWS_LAMBDA_FUNCTION_NAME";

    public const string FunctionMemorySize = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";

    /// <summary>"$LATEST" for an unpublished function, which is what the emulator runs.</summary>
    public const string FunctionVersion = "AWS_LAMBDA_FUNCTION_VERSION";

    /// <summary>"on-demand", or "provisioned-concurrency"/"snap-start", which the emulator does not model.</summary>
    public const string InitializationType = "AWS_LAMBDA_INITIALIZATION_TYPE";

    /// <summary>/aws/lambda/&lt;function name&gt;, the default CloudWatch Logs group.</summary>
    public const string LogGroupName = "AWS_LAMBDA_LOG_GROUP_NAME";

    /// <summary>One stream per execution environment: yyyy/MM/dd/[$LATEST]&lt;32 hex&gt;.</summary>
    public const string LogStreamName = "AWS_LAMBDA_LOG_STREAM_NAME";

    /// <summary>host:port of the Runtime API for this environment.</summary>
    public const string RuntimeApi = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>The function's code (/var/task on Lambda).</summary>
    public const string TaskRoot = "LAMBDA_TASK_ROOT";

    /// <summary>The runtime's libraries (/var/runtime on Lambda).</summary>
    public const string RuntimeDir = "LAMBDA_RUNTIME_DIR";

    public const string AccessKeyId = "AWS_ACCESS_KEY_ID";

    /// <summary>An older alias some runtimes read; reserved like the others.</summary>
    public const string AccessKey = "AWS_ACCESS_KEY";

    public const string SecretAccessKey = "AWS_SECRET_ACCESS_KEY";

    public const string SessionToken = "AWS_SESSION_TOKEN";

    /// <summary>Always UTC on Lambda.</summary>
    public const string TimeZone = "TZ";

    /// <summary>en_US.UTF-8; not reserved, a function may change it.</summary>
    public const string Lang = "LANG";

    /// <summary>The names a function's configuration may not set: CreateFunction refuses them.</summary>
    public static readonly FrozenSet<string> Reserved = new[]
    {
        Handler, TraceId, Region, DefaultRegion, ExecutionEnv, FunctionName, FunctionMemorySize, FunctionVersion,
        InitializationType, LogGroupName, LogStreamName, RuntimeApi, TaskRoot, RuntimeDir, AccessKeyId, AccessKey,
        SecretAccessKey, SessionToken, TimeZone,
    }.ToFrozenSet(StringComparer.Ordinal);
}
