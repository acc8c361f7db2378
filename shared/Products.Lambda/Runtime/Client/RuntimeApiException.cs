namespace Products.Lambda.Runtime;

/// <summary>The Runtime API answered with something other than success, or with a malformed event.</summary>
public sealed class RuntimeApiException : Exception
{
    /// <summary>Creates the exception for an HTTP status and the API's error type (when it sent one).</summary>
    public RuntimeApiException(string message, int statusCode, string? errorType)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorType = errorType;
    }

    /// <summary>The HTTP status the Runtime API answered with.</summary>
    public int StatusCode { get; }

    /// <summary>The <c>errorType</c> of the API's error body, e.g. <c>InvalidRequestID</c>; null when absent.</summary>
    public string? ErrorType { get; }

    /// <summary>
    /// True for 4xx: the API refused this one call (unknown request id, payload too large) but is still usable.
    /// A 5xx means "container error, non-recoverable state, runtime should exit promptly" (runtime-api.zip).
    /// </summary>
    public bool IsClientError => StatusCode is >= 400 and < 500;
}
