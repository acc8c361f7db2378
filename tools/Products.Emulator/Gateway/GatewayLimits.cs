namespace Products.Emulator.Gateway;

/// <summary>The HTTP API limits the gateway enforces, from "Quotas for configuring and running an HTTP API in API Gateway".</summary>
internal static class GatewayLimits
{
    /// <summary>"Payload size: 10 MB" (not adjustable); larger requests are refused before the function runs.</summary>
    public const long MaxPayloadBytes = 10L * 1024 * 1024;

    /// <summary>
    /// "Total combined size of request line and header values: 10240 bytes" (not adjustable). Applied to the request
    /// line (Kestrel cannot count both together); Kestrel's own header limit (32 KB) stays.
    /// </summary>
    public const int MaxRequestLineAndHeaderBytes = 10_240;

    /// <summary>
    /// "Maximum integration timeout: 30 seconds" (not adjustable). Responses are also bounded by Lambda's 6 MB
    /// synchronous response quota ("Lambda quotas"), which the Runtime API side enforces and reports as
    /// <see cref="InvokeResult.ResponseTooLarge"/>.
    /// </summary>
    public static readonly TimeSpan IntegrationTimeout = TimeSpan.FromSeconds(30);
}
