namespace Products.Lambda.Http;

/// <summary>
/// What a handler decided, before it is an HTTP response. A closed set: the cases are nested here (one union, one
/// file) and the base constructor is private, so <see cref="ApiResultRenderer"/> knows every case it must render.
/// </summary>
public abstract record ApiResult
{
    private ApiResult()
    {
    }

    /// <summary>200 with <c>{"message", "data"?, "nextToken"?}</c>.</summary>
    public sealed record Ok(string Message, JsonPayload? Data = null, string? NextToken = null) : ApiResult;

    /// <summary>201 with <c>{"message", "data"}</c> and a <c>Location</c> header.</summary>
    public sealed record Created(string Message, JsonPayload Data, string Location) : ApiResult;

    /// <summary>404 with <c>{"message", "requestId"}</c>.</summary>
    public sealed record NotFound(string Message) : ApiResult;

    /// <summary>400 with <c>{"message", "errors"?, "requestId"}</c>.</summary>
    public sealed record Invalid(string Message, IReadOnlyList<FieldError>? Errors = null) : ApiResult;

    /// <summary>405 with an <c>Allow</c> header listing <paramref name="Allow"/>.</summary>
    public sealed record MethodNotAllowed(IReadOnlyList<string> Allow) : ApiResult;

    /// <summary>415: the body's content type is not one the function reads.</summary>
    public sealed record UnsupportedMediaType(string Message) : ApiResult;

    /// <summary>413: the body is larger than the function accepts.</summary>
    public sealed record PayloadTooLarge(string Message) : ApiResult;

    /// <summary>
    /// 409 with <c>Retry-After</c> in whole seconds (at least 1): the request collides with an identical one still being
    /// processed, so the client should try again later rather than change it.
    /// </summary>
    public sealed record Conflict(string Message, TimeSpan RetryAfter, IReadOnlyList<FieldError>? Errors = null) : ApiResult;

    /// <summary>422 with <c>{"message", "errors"?, "requestId"}</c>: well-formed, but it cannot be processed as sent.</summary>
    public sealed record Unprocessable(string Message, IReadOnlyList<FieldError>? Errors = null) : ApiResult;

    /// <summary>
    /// A success whose body was made earlier by <see cref="ApiResultRenderer.SuccessBody"/> and is sent byte for byte, so
    /// a stored answer can be sent again identically. <paramref name="Replayed"/> adds <c>Idempotent-Replayed: true</c>.
    /// </summary>
    /// <param name="StatusCode">A 2xx status.</param>
    /// <param name="Body">UTF-8 JSON body.</param>
    /// <param name="Location">The <c>Location</c> header, or null for none.</param>
    /// <param name="Replayed">True when this answers a retry with the answer stored for the first request.</param>
    public sealed record Stored(int StatusCode, ReadOnlyMemory<byte> Body, string? Location, bool Replayed) : ApiResult;

    /// <summary>503 with <c>Retry-After</c> in whole seconds (at least 1): a dependency is throttling or unreachable.</summary>
    public sealed record Unavailable(TimeSpan RetryAfter) : ApiResult;

    /// <summary>500 with a fixed message and the request id; never any exception text.</summary>
    public sealed record InternalError : ApiResult;
}
