using Products.Lambda.ApiGateway;

namespace CreateProduct;

/// <summary>
/// The optional <c>Idempotency-Key</c> request header (as in the IETF HTTPAPI draft "The Idempotency-Key HTTP Header
/// Field"): 1 to 255 visible ASCII characters (0x21-0x7E), given once.
/// </summary>
/// <remarks>
/// A comma is refused as well: payload format 2.0 delivers a header sent twice as one value joined with commas, so a
/// key holding a comma could not be told apart from two keys. Everything else is refused rather than trimmed or
/// decoded, so two keys are the same exactly when their characters are.
/// </remarks>
internal static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    public const int MaxLength = 255;

    /// <summary>Reads the header: false with a problem for the client when it is present but unusable.</summary>
    /// <param name="headers">The request's headers.</param>
    /// <param name="key">The key, or null when the request has none.</param>
    /// <param name="problem">What is wrong with the header, when the result is false.</param>
    public static bool TryRead(RequestHeaders headers, out string? key, out string? problem)
    {
        key = null;
        problem = null;
        var values = headers.GetAll(Name);
        if (values.Count == 0)
        {
            return true;
        }

        var value = values[0];
        if (values.Count > 1 || value.Contains(',', StringComparison.Ordinal))
        {
            problem = "must be given once, with one value";
        }
        else if (value.Length == 0)
        {
            problem = $"must not be empty (1 to {MaxLength} visible ASCII characters)";
        }
        else if (value.Length > MaxLength)
        {
            problem = $"must be at most {MaxLength} characters";
        }
        else if (value.AsSpan().ContainsAnyExceptInRange('!', '~'))
        {
            problem = "must contain only visible ASCII characters (no spaces, control or non-ASCII characters)";
        }
        else
        {
            key = value;
            return true;
        }

        return false;
    }
}
