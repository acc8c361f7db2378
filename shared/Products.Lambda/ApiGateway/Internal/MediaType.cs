namespace Products.Lambda.ApiGateway.Internal;

/// <summary>Media type checks after RFC 9110 section 8.3.1 (type "/" subtype *( ";" parameter )).</summary>
internal static class MediaType
{
    public static bool IsJson(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).AsSpan().Trim();

        const string application = "application/";
        if (!mediaType.StartsWith(application, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var subtype = mediaType[application.Length..];
        if (subtype.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Structured syntax suffix (RFC 6839), e.g. application/merge-patch+json; "+json" alone has no subtype name.
        return subtype.Length > "+json".Length
            && subtype.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            && subtype.IndexOfAny(" \t,/") < 0;
    }
}
