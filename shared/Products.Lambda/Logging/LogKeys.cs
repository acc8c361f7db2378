namespace Products.Lambda.Logging;

/// <summary>
/// Key names of a log line: Powertools for AWS Lambda (.NET), "Standard structured keys", in its default snake_case output.
/// </summary>
internal static class LogKeys
{
    public const string Level = "level";
    public const string Message = "message";
    public const string Timestamp = "timestamp";
    public const string Service = "service";
    public const string ColdStart = "cold_start";
    public const string FunctionName = "function_name";
    public const string FunctionVersion = "function_version";
    public const string FunctionMemorySize = "function_memory_size";
    public const string FunctionArn = "function_arn";
    public const string FunctionRequestId = "function_request_id";
    public const string XrayTraceId = "xray_trace_id";
    public const string CorrelationId = "correlation_id";
    public const string SamplingRate = "sampling_rate";
    public const string Exception = "exception";

    /// <summary>Extra keys with these names are ignored (Powertools ignores extra keys that clash with its own).</summary>
    public static bool IsReserved(string key) => key is Level or Message or Timestamp or Service or ColdStart or FunctionName
        or FunctionVersion or FunctionMemorySize or FunctionArn or FunctionRequestId or XrayTraceId or CorrelationId
        or SamplingRate or Exception or "name";
}
