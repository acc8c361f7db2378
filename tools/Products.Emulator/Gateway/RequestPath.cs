using System.Globalization;
using System.Text;

namespace Products.Emulator.Gateway;

/// <summary>
/// Request path decoding as HTTP APIs do it. "Working with routes for HTTP APIs": "API Gateway decodes URL-encoded
/// request parameters before passing them to your backend integration". The docs do not say how <c>rawPath</c> is
/// decoded; captures of live HTTP APIs (published with ministackorg/ministack's HTTP API emulator) show every
/// escape decoded except <c>%25</c>, so <c>a%20b%252E</c> arrives as <c>a b%252E</c>.
/// </summary>
internal static class RequestPath
{
    /// <summary>
    /// Splits a raw (percent-encoded) path into decoded segments. Extra leading slashes count as one; a trailing
    /// slash leaves an empty last segment; an escaped <c>%2F</c> stays inside its segment.
    /// </summary>
    public static IReadOnlyList<string> Segments(string rawPath)
    {
        var trimmed = rawPath.AsSpan().TrimStart('/');
        if (trimmed.IsEmpty)
        {
            return [];
        }

        var parts = trimmed.ToString().Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Uri.UnescapeDataString(parts[i]);
        }

        return parts;
    }

    /// <summary>The event's <c>rawPath</c>: all escapes decoded except <c>%25</c>.</summary>
    public static string DecodeForEvent(string rawPath)
    {
        if (!rawPath.Contains('%', StringComparison.Ordinal))
        {
            return rawPath;
        }

        var result = new StringBuilder(rawPath.Length);
        var pending = new List<byte>();
        for (var i = 0; i < rawPath.Length; i++)
        {
            if (rawPath[i] == '%' && i + 2 < rawPath.Length
                && byte.TryParse(rawPath.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                if (value == (byte)'%')
                {
                    Flush(result, pending);
                    result.Append(rawPath, i, 3);
                }
                else
                {
                    pending.Add(value);
                }

                i += 2;
                continue;
            }

            Flush(result, pending);
            result.Append(rawPath[i]);
        }

        Flush(result, pending);
        return result.ToString();
    }

    private static void Flush(StringBuilder result, List<byte> pending)
    {
        if (pending.Count == 0)
        {
            return;
        }

        result.Append(Encoding.UTF8.GetString(pending.ToArray()));
        pending.Clear();
    }
}
