using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Products.Data.Idempotency;

/// <summary>
/// The key of an idempotency record: the operation in clear, then a SHA-256 of the caller's scope and the client's
/// key. Hashing keeps callers' subjects and keys out of the table and bounds the item key's size whatever they are
/// (Powertools for AWS Lambda's Idempotency utility also stores a hash, prefixed by the function and method).
/// </summary>
public static class IdempotencyRecordId
{
    /// <summary>The scope of callers without a token subject (routes without an authorizer).</summary>
    public const string AnonymousScope = "anonymous";

    private const byte FormatVersion = 1;

    /// <summary>
    /// The record id for <paramref name="key"/> sent by <paramref name="callerSubject"/> (null: anonymous) to
    /// <paramref name="operation"/>. The same key from two callers, or for two operations, names two records.
    /// </summary>
    public static string For(string operation, string? callerSubject, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentException.ThrowIfNullOrEmpty(key);
        // "sub:" keeps a subject that happens to read "anonymous" apart from the anonymous scope.
        var scope = callerSubject is null ? AnonymousScope : "sub:" + callerSubject;

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([FormatVersion]);
        AppendLengthPrefixed(hash, scope);
        AppendLengthPrefixed(hash, key);
        return operation + "#" + Base64Url.EncodeToString(hash.GetHashAndReset());
    }

    // Each part is preceded by its UTF-8 length (4 bytes, big endian), so no split of scope and key can collide.
    private static void AppendLengthPrefixed(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
