using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Products.Data.Idempotency;

/// <summary>
/// What a retry must repeat for its key to be honoured: a SHA-256 of the validated draft, not of the body's bytes, so
/// a client library that re-serializes the same product (other member order, spacing, escapes) is still a retry, while
/// any difference in the product it would create is a different request (422).
/// </summary>
public static class PayloadFingerprint
{
    private const byte FormatVersion = 1;

    /// <summary>Base64 SHA-256 of the draft's fields, each marked present or absent and length-prefixed.</summary>
    public static string Of(ProductDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([FormatVersion]);
        Append(hash, draft.Name);
        // The parser normalizes the price, so 1.5 and 1.50 are one value here.
        Append(hash, draft.Price.ToString(CultureInfo.InvariantCulture));
        Append(hash, draft.Description);
        Append(hash, draft.Category);
        return Convert.ToBase64String(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string? text)
    {
        Span<byte> header = stackalloc byte[1 + sizeof(int)];
        header[0] = text is null ? (byte)0 : (byte)1;
        var bytes = text is null ? [] : Encoding.UTF8.GetBytes(text);
        BinaryPrimitives.WriteInt32BigEndian(header[1..], bytes.Length);
        hash.AppendData(header);
        hash.AppendData(bytes);
    }
}
