namespace Products.Data;

/// <summary>
/// Secret keys for <see cref="PageTokenCodec"/>, each at least 32 random bytes. New tokens are signed with
/// <paramref name="Current"/>; tokens signed with <paramref name="Previous"/> are still accepted, so a key can be rotated
/// without breaking the pages clients are holding.
/// </summary>
public sealed record PageTokenKeys(ReadOnlyMemory<byte> Current, ReadOnlyMemory<byte>? Previous);
