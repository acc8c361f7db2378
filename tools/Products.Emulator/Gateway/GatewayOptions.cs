using Products.Emulator.Template;

namespace Products.Emulator.Gateway;

/// <summary>
/// Settings of one local HTTP API. Defaults follow AWS: the <c>$default</c> stage, the 10 MB payload and
/// 30-second integration quotas. <see cref="AccessLog"/> receives one line per request (format on
/// <see cref="AccessLogEntry"/>); <see cref="DiagnosticLog"/> receives gateway faults, which never reach clients.
/// </summary>
internal sealed record GatewayOptions
{
    public string Stage { get; init; } = "$default";

    public string ApiId { get; init; } = "local";

    /// <summary>The API's CORS configuration; null when the API has none (then OPTIONS is routed like any method).</summary>
    public CorsDefinition? Cors { get; init; }

    /// <summary>The local issuer whose discovery document and JWKS are served under <c>/_local/issuer/</c>; null for none.</summary>
    public Auth.LocalIssuer? LocalIssuer { get; init; }

    /// <summary>The OpenAPI document and reference page served under <c>/_local/</c>; null for none.</summary>
    public Docs.ApiReference? ApiReference { get; init; }

    public TimeSpan IntegrationTimeout { get; init; } = GatewayLimits.IntegrationTimeout;

    public Action<string> AccessLog { get; init; } = static _ => { };

    public Action<string> DiagnosticLog { get; init; } = static _ => { };

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
