using Products.Lambda.Environment;

namespace Products.Lambda.Http;

/// <summary>
/// Which browser origins may read responses (the Fetch Standard's CORS protocol). Functions only answer actual
/// requests; preflight (OPTIONS) is answered by API Gateway's CORS configuration, which should use the same
/// methods, headers and max age.
/// </summary>
/// <param name="AllowedOrigins">Origins such as <c>https://app.example.com</c>; <c>*</c> allows any origin.</param>
/// <param name="AllowedMethods">Methods a preflight may allow.</param>
/// <param name="AllowedHeaders">Request headers a preflight may allow.</param>
/// <param name="ExposedHeaders">Response headers a browser script may read beyond the CORS-safelisted ones.</param>
/// <param name="MaxAgeSeconds">How long a browser may cache a preflight answer.</param>
public sealed record CorsPolicy(
    IReadOnlyList<string> AllowedOrigins,
    IReadOnlyList<string> AllowedMethods,
    IReadOnlyList<string> AllowedHeaders,
    IReadOnlyList<string> ExposedHeaders,
    int MaxAgeSeconds)
{
    /// <summary>A policy that allows no cross-origin reads.</summary>
    public static CorsPolicy None { get; } = new([], [], [], [], 0);

    /// <summary>
    /// The policy for this stage: origins from <c>ALLOWED_ORIGINS</c> (comma-separated; unset means none), with the
    /// methods, headers and max age the Products API uses.
    /// </summary>
    public static CorsPolicy FromEnvironment(IEnvironmentReader env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var origins = (env.Get(EnvironmentVariableNames.AllowedOrigins) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(origin => origin.TrimEnd('/'))
            .Where(origin => origin.Length > 0)
            .ToArray();

        // Location (201), Retry-After (409, 503) and Idempotent-Replayed are not CORS-safelisted response headers, so
        // scripts need them exposed; Idempotency-Key is not a safelisted request header, so a preflight must allow it.
        return new CorsPolicy(
            origins,
            ["GET", "POST", "OPTIONS"],
            ["Content-Type", "Authorization", "Idempotency-Key"],
            ["Location", "Retry-After", ApiResultRenderer.ReplayedHeader],
            MaxAgeSeconds: 600);
    }

    /// <summary>
    /// Whether a request from <paramref name="origin"/> may read the response. Origins compare ignoring case
    /// (scheme and host are case-insensitive; an Origin header carries no path). An origin with anything but visible
    /// ASCII (an origin's serialization is ASCII) is never allowed, so nothing odd is echoed into a response header.
    /// </summary>
    public bool AllowsOrigin(string? origin) =>
        !string.IsNullOrEmpty(origin)
        && !origin.AsSpan().ContainsAnyExceptInRange('!', '~')
        && AllowedOrigins.Any(allowed => allowed == "*" || string.Equals(allowed, origin, StringComparison.OrdinalIgnoreCase));
}
