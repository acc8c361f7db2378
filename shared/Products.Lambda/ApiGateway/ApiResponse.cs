namespace Products.Lambda.ApiGateway;

/// <summary>
/// An HTTP response for API Gateway, independent of the payload format. <see cref="ApiGatewayResponseWriter"/>
/// turns it into the JSON of format 1.0 or 2.0.
/// </summary>
/// <param name="StatusCode">HTTP status code (100–599).</param>
/// <param name="Headers">Headers in order; a name may repeat (for example <c>Set-Cookie</c>).</param>
/// <param name="Body">
/// The body text as UTF-8 bytes (base64 text when <paramref name="IsBase64Encoded"/> is true). Bytes, not a string:
/// the body is rendered as UTF-8 and written into the response JSON as UTF-8, with no UTF-16 copy in between.
/// </param>
/// <param name="IsBase64Encoded">Whether API Gateway must base64-decode <paramref name="Body"/> before sending it.</param>
public sealed record ApiResponse(
    int StatusCode,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body,
    bool IsBase64Encoded = false);
