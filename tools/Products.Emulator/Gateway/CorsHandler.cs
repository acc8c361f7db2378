using Products.Emulator.Template;

namespace Products.Emulator.Gateway;

/// <summary>
/// CORS as an HTTP API with a <c>CorsConfiguration</c> does it ("Configuring CORS for an HTTP API"): the gateway
/// answers preflight requests (OPTIONS with <c>Origin</c> and <c>Access-Control-Request-Method</c>) itself, even
/// without an OPTIONS route, and adds the configured headers to the integration's response, ignoring any CORS
/// headers the function returned. Headers are only returned for a request whose <c>Origin</c> is allowed; a
/// preflight from another origin still gets 204 No Content, just without CORS headers, so the browser refuses the
/// call. The preflight lists the configured methods and headers as they are; the browser does the comparing.
/// </summary>
internal sealed class CorsHandler
{
    private const string Wildcard = "*";
    private readonly CorsDefinition _settings;

    public CorsHandler(CorsDefinition settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.AllowCredentials && settings.AllowOrigins.Contains(Wildcard))
        {
            // Browsers reject credentials with a wildcard origin, and API Gateway refuses the configuration.
            throw new ArgumentException("CORS: AllowCredentials cannot be combined with AllowOrigins '*'.", nameof(settings));
        }

        if (settings.MaxAge is < 0)
        {
            throw new ArgumentException("CORS: MaxAge must not be negative.", nameof(settings));
        }

        _settings = settings;
    }

    public static bool IsPreflight(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Equals(request.Method, "OPTIONS", StringComparison.OrdinalIgnoreCase)
            && request.Header("origin") is not null
            && request.Header("access-control-request-method") is not null;
    }

    /// <summary>The gateway's answer to a preflight request: 204 No Content, with CORS headers when the origin is allowed.</summary>
    public GatewayResponse Preflight(string? origin)
    {
        var headers = new List<KeyValuePair<string, string>>();
        var allowed = AllowedOrigin(origin);
        if (allowed is not null)
        {
            headers.Add(new("Access-Control-Allow-Origin", allowed));
            if (_settings.AllowCredentials)
            {
                headers.Add(new("Access-Control-Allow-Credentials", "true"));
            }

            AddList(headers, "Access-Control-Allow-Methods", _settings.AllowMethods);
            AddList(headers, "Access-Control-Allow-Headers", _settings.AllowHeaders);
            if (_settings.MaxAge is { } maxAge)
            {
                headers.Add(new("Access-Control-Max-Age", maxAge.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return new GatewayResponse(204, headers, ReadOnlyMemory<byte>.Empty);
    }

    /// <summary>
    /// Replaces the function's CORS headers with the configured ones. A specific origin echoed back adds
    /// <c>Vary: Origin</c> so shared caches keep one copy per origin.
    /// </summary>
    public GatewayResponse Apply(GatewayResponse response, string? origin)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers
            .Where(h => !h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var allowed = AllowedOrigin(origin);
        if (allowed is not null)
        {
            headers.Add(new("Access-Control-Allow-Origin", allowed));
            if (_settings.AllowCredentials)
            {
                headers.Add(new("Access-Control-Allow-Credentials", "true"));
            }

            AddList(headers, "Access-Control-Expose-Headers", _settings.ExposeHeaders);
            if (allowed != Wildcard && !headers.Exists(h =>
                    string.Equals(h.Key, "Vary", StringComparison.OrdinalIgnoreCase)
                    && h.Value.Split(',', StringSplitOptions.TrimEntries).Contains("Origin", StringComparer.OrdinalIgnoreCase)))
            {
                headers.Add(new("Vary", "Origin"));
            }
        }

        return response with { Headers = headers };
    }

    /// <summary>The Access-Control-Allow-Origin value for a request origin, or null when the origin is not allowed.</summary>
    public string? AllowedOrigin(string? origin)
    {
        if (string.IsNullOrEmpty(origin))
        {
            return null;
        }

        foreach (var allowed in _settings.AllowOrigins)
        {
            if (allowed == Wildcard)
            {
                return Wildcard;
            }

            var matches = allowed.EndsWith("://*", StringComparison.Ordinal)
                ? origin.StartsWith(allowed[..^1], StringComparison.OrdinalIgnoreCase)
                : string.Equals(allowed, origin, StringComparison.OrdinalIgnoreCase);
            if (matches)
            {
                return origin;
            }
        }

        return null;
    }

    private static void AddList(List<KeyValuePair<string, string>> headers, string name, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            headers.Add(new(name, string.Join(',', values)));
        }
    }
}
