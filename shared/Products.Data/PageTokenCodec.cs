using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Products.Data;

/// <summary>
/// Turns the last product id of a page into an opaque, signed <c>nextToken</c> and back, so clients can neither forge
/// a scan position nor reuse a token across stages.
/// </summary>
/// <remarks>
/// Token = base64url (RFC 4648 section 5, no padding) of <c>payload || HMAC-SHA256(key, scope || payload)</c>, where
/// payload = format version byte 1 followed by the id in ASCII, and scope is prefixed by its UTF-8 length (4 bytes, big
/// endian) so no scope/payload split can collide. Ids are not secret (GET returns them); the MAC only proves the token
/// came from this stage.
/// </remarks>
public sealed class PageTokenCodec
{
    /// <summary>Smallest accepted key: HMAC-SHA256's full strength needs 256 bits (RFC 2104 section 3).</summary>
    public const int MinKeyBytes = 32;

    private const byte FormatVersion = 1;
    private const int PayloadLength = 1 + ProductLimits.IdMaxLength;
    private const int TokenBytes = PayloadLength + HMACSHA256.HashSizeInBytes;

    // Base64url without padding of the fixed-size token: every valid token has exactly this many characters.
    private static readonly int TokenChars = Base64Url.GetEncodedLength(TokenBytes);

    private readonly PageTokenKeys keys;
    private readonly byte[] scopePrefix;

    /// <summary>Creates a codec for one table (the scope, e.g. the table name).</summary>
    /// <exception cref="ArgumentException">A key is shorter than <see cref="MinKeyBytes"/> or the scope is empty.</exception>
    public PageTokenCodec(PageTokenKeys keys, string scope)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentException.ThrowIfNullOrEmpty(scope);
        if (keys.Current.Length < MinKeyBytes || keys.Previous is { Length: < MinKeyBytes })
        {
            throw new ArgumentException($"Page token keys must be at least {MinKeyBytes} bytes.", nameof(keys));
        }

        this.keys = keys;
        var scopeBytes = Encoding.UTF8.GetBytes(scope);
        scopePrefix = new byte[sizeof(int) + scopeBytes.Length];
        BinaryPrimitives.WriteInt32BigEndian(scopePrefix, scopeBytes.Length);
        scopeBytes.CopyTo(scopePrefix.AsSpan(sizeof(int)));
    }

    /// <summary>Returns the token that resumes a scan after <paramref name="lastId"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="lastId"/> is not a valid <see cref="ProductId"/>.</exception>
    public string Encode(string lastId)
    {
        if (!ProductId.IsValid(lastId))
        {
            throw new ArgumentException("Only product ids can be encoded in a page token.", nameof(lastId));
        }

        Span<byte> token = stackalloc byte[TokenBytes];
        token[0] = FormatVersion;
        Encoding.ASCII.GetBytes(lastId, token[1..PayloadLength]);
        ComputeMac(keys.Current.Span, token[..PayloadLength], token[PayloadLength..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>
    /// Reads a token made by <see cref="Encode"/> with the current or previous key and this scope. False for anything
    /// else: wrong length, not canonical base64url, edited, signed by another key or scope, or not holding a product id.
    /// </summary>
    public bool TryDecode(string? token, out string lastId)
    {
        lastId = string.Empty;
        if (token is null || token.Length != TokenChars)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[TokenBytes];
        // The OperationStatus overload: TryDecodeFromChars throws on characters outside the alphabet.
        var status = Base64Url.DecodeFromChars(token, bytes, out _, out var written);
        if (status != OperationStatus.Done || written != TokenBytes)
        {
            return false;
        }

        // Reject the other spellings of the same bytes (whitespace, padding) so one token has exactly one text.
        Span<char> canonical = stackalloc char[TokenChars];
        if (!Base64Url.TryEncodeToChars(bytes, canonical, out _) || !canonical.SequenceEqual(token))
        {
            return false;
        }

        var payload = bytes[..PayloadLength];
        var mac = bytes[PayloadLength..];
        if (payload[0] != FormatVersion || !(MacMatches(keys.Current.Span, payload, mac)
            || (keys.Previous is { } previous && MacMatches(previous.Span, payload, mac))))
        {
            return false;
        }

        var id = Encoding.ASCII.GetString(payload[1..]);
        if (!ProductId.IsValid(id))
        {
            return false;
        }

        lastId = id;
        return true;
    }

    private bool MacMatches(ReadOnlySpan<byte> key, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> mac)
    {
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        ComputeMac(key, payload, expected);
        return CryptographicOperations.FixedTimeEquals(expected, mac);
    }

    private void ComputeMac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(scopePrefix);
        hmac.AppendData(payload);
        hmac.GetHashAndReset(destination);
    }
}
