using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Products.Lambda.ApiGateway.Internal;

/// <summary>The event's <c>body</c> as bytes: base64-decoded when <c>isBase64Encoded</c> is true, else its UTF-8.</summary>
internal static class EventBody
{
    public static bool TryDecode(
        string? body,
        bool isBase64Encoded,
        out ReadOnlyMemory<byte> bytes,
        [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(body))
        {
            bytes = ReadOnlyMemory<byte>.Empty;
            return true;
        }

        if (!isBase64Encoded)
        {
            bytes = Encoding.UTF8.GetBytes(body);
            return true;
        }

        var buffer = new byte[(body.Length / 4 * 3) + 3];
        if (Convert.TryFromBase64String(body, buffer, out var written))
        {
            bytes = buffer.AsMemory(0, written);
            return true;
        }

        bytes = ReadOnlyMemory<byte>.Empty;
        problem = "The event body is marked isBase64Encoded but is not valid base64.";
        return false;
    }
}
