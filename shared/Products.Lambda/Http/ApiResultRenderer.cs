using System.Globalization;
using Products.Lambda.ApiGateway;
using Products.Lambda.Http.Internal;

namespace Products.Lambda.Http;

/// <summary>
/// The one place where an <see cref="ApiResult"/> becomes an HTTP response: status, JSON body (UTF-8 bytes), and the
/// headers every response carries (content type, nosniff), plus no-store on errors.
/// <para>
/// CORS has one owner per API type. An HTTP API (payload 2.0) with a CORS configuration answers CORS itself and
/// ignores CORS headers from the integration ("Configuring CORS for an HTTP API"), so the function adds none. A REST
/// API's Lambda proxy integration (payload 1.0) passes the function's headers through, so there the function adds
/// them from <see cref="CorsPolicy"/> (docs/architecture.md, "CORS").
/// </para>
/// </summary>
public sealed class ApiResultRenderer(CorsPolicy cors)
{
    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>
    /// The header that marks a stored answer sent again for a retried request (the name Powertools for AWS Lambda and
    /// several public APIs use for idempotent replays).
    /// </summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>
    /// The UTF-8 body <see cref="Render"/> gives an <see cref="ApiResult.Ok"/> or <see cref="ApiResult.Created"/> with
    /// these members, for callers that store an answer and send it as <see cref="ApiResult.Stored"/>.
    /// </summary>
    public static byte[] SuccessBody(string message, JsonPayload? data) =>
        ResultBody.Success(message, data, nextToken: null);

    /// <summary>Renders <paramref name="result"/> as the answer to <paramref name="request"/>.</summary>
    public ApiResponse Render(ApiResult result, ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);

        var headers = new List<KeyValuePair<string, string>>(8)
        {
            new("Content-Type", JsonContentType),
            new("X-Content-Type-Options", "nosniff"),
        };
        var requestId = request.RequestId;
        int status;
        ReadOnlyMemory<byte> body;
        switch (result)
        {
            case ApiResult.Ok ok:
                (status, body) = (200, ResultBody.Success(ok.Message, ok.Data, ok.NextToken));
                break;
            case ApiResult.Created created:
                (status, body) = (201, ResultBody.Success(created.Message, created.Data, nextToken: null));
                headers.Add(new("Location", created.Location));
                break;
            case ApiResult.NotFound notFound:
                (status, body) = (404, ResultBody.Error(notFound.Message, null, requestId));
                break;
            case ApiResult.Invalid invalid:
                (status, body) = (400, ResultBody.Error(invalid.Message, invalid.Errors, requestId));
                break;
            case ApiResult.MethodNotAllowed notAllowed:
                (status, body) = (405, ResultBody.Error("Method not allowed", null, requestId));
                headers.Add(new("Allow", string.Join(", ", notAllowed.Allow)));
                break;
            case ApiResult.UnsupportedMediaType unsupported:
                (status, body) = (415, ResultBody.Error(unsupported.Message, null, requestId));
                break;
            case ApiResult.PayloadTooLarge tooLarge:
                (status, body) = (413, ResultBody.Error(tooLarge.Message, null, requestId));
                break;
            case ApiResult.Conflict conflict:
                (status, body) = (409, ResultBody.Error(conflict.Message, conflict.Errors, requestId));
                headers.Add(new("Retry-After", RetryAfterSeconds(conflict.RetryAfter)));
                break;
            case ApiResult.Unprocessable unprocessable:
                (status, body) = (422, ResultBody.Error(unprocessable.Message, unprocessable.Errors, requestId));
                break;
            case ApiResult.Stored stored:
                if (stored.StatusCode is < 200 or > 299)
                {
                    throw new ArgumentOutOfRangeException(nameof(result), stored.StatusCode, "Only successes are stored.");
                }

                (status, body) = (stored.StatusCode, stored.Body);
                if (stored.Location is not null)
                {
                    headers.Add(new("Location", stored.Location));
                }

                if (stored.Replayed)
                {
                    headers.Add(new(ReplayedHeader, "true"));
                }

                break;
            case ApiResult.Unavailable unavailable:
                (status, body) = (503, ResultBody.Error("Service temporarily unavailable", null, requestId));
                headers.Add(new("Retry-After", RetryAfterSeconds(unavailable.RetryAfter)));
                break;
            case ApiResult.InternalError:
                (status, body) = (500, ResultBody.Error("Internal server error", null, requestId));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(result), result.GetType().Name, "Unknown result case.");
        }

        if (status >= 400)
        {
            headers.Add(new("Cache-Control", "no-store"));
        }

        if (request.Format == PayloadFormat.V1)
        {
            AddCors(headers, request);
        }

        return new ApiResponse(status, headers, body);
    }

    // Retry-After takes delay-seconds, a non-negative integer (RFC 9110 section 10.2.3); round up so clients never
    // retry early, and never say 0, which invites an immediate retry storm.
    private static string RetryAfterSeconds(TimeSpan retryAfter) =>
        Math.Max(1L, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private void AddCors(List<KeyValuePair<string, string>> headers, ApiRequest request)
    {
        if (cors.AllowedOrigins.Count == 0)
        {
            return;
        }

        // The answer depends on Origin whether or not this origin is allowed, so shared caches must key on it.
        headers.Add(new("Vary", "Origin"));
        var origin = request.Headers.Get("Origin");
        if (origin is null || !cors.AllowsOrigin(origin))
        {
            return;
        }

        headers.Add(new("Access-Control-Allow-Origin", origin));
        if (cors.ExposedHeaders.Count > 0)
        {
            headers.Add(new("Access-Control-Expose-Headers", string.Join(", ", cors.ExposedHeaders)));
        }
    }
}
