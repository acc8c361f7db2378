namespace Products.Data.Idempotency;

/// <summary>The answer kept with a completed idempotency record and sent again, byte for byte, to a retry.</summary>
/// <param name="StatusCode">The HTTP status first answered (a 2xx).</param>
/// <param name="Body">The body first answered, UTF-8.</param>
/// <param name="Location">The <c>Location</c> header first answered, or null.</param>
public sealed record StoredResponse(int StatusCode, ReadOnlyMemory<byte> Body, string? Location);
