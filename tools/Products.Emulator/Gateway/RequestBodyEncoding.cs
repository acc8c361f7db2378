namespace Products.Emulator.Gateway;

/// <summary>
/// Whether a request body reaches the function as text or base64 (<c>isBase64Encoded</c>). The HTTP API docs say
/// binary bodies are base64-encoded but do not list which media types count as text; captures of live HTTP APIs
/// (ministackorg/ministack pull request 766) show text only for <c>text/*</c>, <c>application/json</c>,
/// <c>application/xml</c> and <c>application/javascript</c> — everything else, a missing Content-Type and
/// <c>application/x-www-form-urlencoded</c> included, arrives base64-encoded.
/// </summary>
internal static class RequestBodyEncoding
{
    public static bool IsText(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        return mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/javascript", StringComparison.OrdinalIgnoreCase);
    }
}
