namespace Products.Local.Gateway;

/// <summary>The HTTP API limits the gateway enforces, from "Quotas for configuring and running an HTTP API in API Gateway".</summary>
internal static class GatewayLimits
{
    /// <summary>"Payload size: 10 MB" (not adjustable); larger requests are refused before the function runs.</summary>
    public const long MaxPayloadBytes = 10L * 1024 * 1024;

    /// <summary>
    /// "Maximum integration timeout: 30 seconds" (not adjustable). Responses are also bounded by Lambda's 6 MB
    /// synchronous response quota ("Lambda quotas"), which the Runtime API side enforces and reports as
    /// <see cref="InvokeResult.ResponseTooLarge"/>.
    /// </summary>
    public static readonly TimeSpan IntegrationTimeout = TimeSpan.FromSeconds(30);
}
