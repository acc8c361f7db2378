namespace Products.Lambda.Logging;

/// <summary>The per-invocation keys Powertools adds to every log line (from the Lambda context and the trace header).</summary>
/// <param name="ColdStart">True for the first invocation of this execution environment.</param>
/// <param name="FunctionName">The function's name.</param>
/// <param name="FunctionVersion">The executed version ($LATEST or a number).</param>
/// <param name="FunctionMemorySize">Configured memory in MB.</param>
/// <param name="FunctionArn">The invoked function ARN.</param>
/// <param name="FunctionRequestId">The Lambda request id.</param>
/// <param name="XrayTraceId">The X-Ray trace id (the <c>Root</c> of the trace header), or null.</param>
/// <param name="CorrelationId">An id tying the line to the caller's request (for API Gateway, its request id), or null.</param>
public sealed record InvocationLogContext(
    bool ColdStart,
    string FunctionName,
    string FunctionVersion,
    int FunctionMemorySize,
    string FunctionArn,
    string FunctionRequestId,
    string? XrayTraceId,
    string? CorrelationId)
{
    /// <summary>
    /// The trace id from an X-Ray trace header such as <c>Root=1-5759e988-bd862e3fe1be46a994272793;Parent=…;Sampled=1</c>
    /// (the <c>_X_AMZN_TRACE_ID</c> variable or the <c>Lambda-Runtime-Trace-Id</c> header), or null when absent.
    /// Format: AWS X-Ray Developer Guide, "Tracing header".
    /// </summary>
    public static string? ParseXrayTraceId(string? traceHeader)
    {
        if (string.IsNullOrWhiteSpace(traceHeader))
        {
            return null;
        }

        foreach (var range in traceHeader.AsSpan().Split(';'))
        {
            var part = traceHeader.AsSpan(range).Trim();
            if (part.StartsWith("Root=", StringComparison.OrdinalIgnoreCase))
            {
                var root = part["Root=".Length..].Trim();
                return root.IsEmpty ? null : root.ToString();
            }
        }

        return null;
    }
}
