namespace Products.Lambda.Environment;

/// <summary>
/// Every environment variable the shared libraries read, in one place. Names follow the AWS Lambda documentation
/// ("Defined runtime environment variables") and Powertools for AWS Lambda ("Environment variables").
/// </summary>
public static class EnvironmentVariableNames
{
    /// <summary>host:port of the Lambda Runtime API; set by Lambda (or by the local emulator).</summary>
    public const string RuntimeApi = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>The function's name.</summary>
    public const string FunctionName = "AWS_LAMBDA_FUNCTION_NAME";

    /// <summary>The version being executed ($LATEST or a number).</summary>
    public const string FunctionVersion = "AWS_LAMBDA_FUNCTION_VERSION";

    /// <summary>Configured memory in MB.</summary>
    public const string FunctionMemorySize = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";

    /// <summary>CloudWatch Logs group of the function.</summary>
    public const string LogGroupName = "AWS_LAMBDA_LOG_GROUP_NAME";

    /// <summary>CloudWatch Logs stream of this execution environment.</summary>
    public const string LogStreamName = "AWS_LAMBDA_LOG_STREAM_NAME";

    /// <summary>How Lambda initializes this environment: on-demand, provisioned-concurrency or snap-start.</summary>
    public const string InitializationType = "AWS_LAMBDA_INITIALIZATION_TYPE";

    /// <summary>Log level chosen in the function's LoggingConfig; takes precedence over POWERTOOLS_LOG_LEVEL.</summary>
    public const string LambdaLogLevel = "AWS_LAMBDA_LOG_LEVEL";

    /// <summary>The X-Ray trace header of the current invocation; the runtime sets it per invocation.</summary>
    public const string TraceId = "_X_AMZN_TRACE_ID";

    /// <summary>The AWS Region the function runs in.</summary>
    public const string Region = "AWS_REGION";

    /// <summary>Credentials Lambda gives the function's execution role (read first, before the SDK's slower chain).</summary>
    public const string AccessKeyId = "AWS_ACCESS_KEY_ID";

    /// <summary>Secret half of the execution role's credentials.</summary>
    public const string SecretAccessKey = "AWS_SECRET_ACCESS_KEY";

    /// <summary>Session token of the execution role's temporary credentials.</summary>
    public const string SessionToken = "AWS_SESSION_TOKEN";

    /// <summary>
    /// AWS SDKs: endpoint for SSM only ("Service-specific endpoints", AWS SDKs and Tools Reference Guide); the local
    /// emulator sets it to its SSM-compatible endpoint.
    /// </summary>
    public const string EndpointUrlSsm = "AWS_ENDPOINT_URL_SSM";

    /// <summary>AWS SDKs: endpoint for every service, overridden by a service-specific one.</summary>
    public const string EndpointUrl = "AWS_ENDPOINT_URL";

    /// <summary>AWS SDKs: "true" makes the SDK ignore AWS_ENDPOINT_URL*.</summary>
    public const string IgnoreConfiguredEndpointUrls = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    /// <summary>The handler setting; for .NET executable assemblies, the assembly name.</summary>
    public const string Handler = "_HANDLER";

    /// <summary>Powertools: service name used in logs and as the metrics dimension.</summary>
    public const string ServiceName = "POWERTOOLS_SERVICE_NAME";

    /// <summary>Powertools: minimum log level (DEBUG, INFO, WARN, ERROR, CRITICAL).</summary>
    public const string PowertoolsLogLevel = "POWERTOOLS_LOG_LEVEL";

    /// <summary>Powertools: share of invocations (0..1) logged at DEBUG.</summary>
    public const string LoggerSampleRate = "POWERTOOLS_LOGGER_SAMPLE_RATE";

    /// <summary>Powertools: log the incoming event (true/false).</summary>
    public const string LoggerLogEvent = "POWERTOOLS_LOGGER_LOG_EVENT";

    /// <summary>Powertools: CloudWatch metrics namespace.</summary>
    public const string MetricsNamespace = "POWERTOOLS_METRICS_NAMESPACE";

    /// <summary>Powertools Parameters: default cache max age in seconds.</summary>
    public const string ParametersMaxAge = "POWERTOOLS_PARAMETERS_MAX_AGE";

    /// <summary>The products table.</summary>
    public const string TableName = "TABLE_NAME";

    /// <summary>
    /// SSM parameter holding the stage's settings JSON, e.g. /products/dev/settings (ListProducts: paging; CreateProduct:
    /// idempotency retention).
    /// </summary>
    public const string SettingsParameter = "SETTINGS_PARAMETER";

    /// <summary>Deployment stage (dev, staging, prod).</summary>
    public const string Stage = "STAGE";

    /// <summary>Comma-separated origins allowed by CORS.</summary>
    public const string AllowedOrigins = "ALLOWED_ORIGINS";
}
