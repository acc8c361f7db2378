namespace Products.Data.Tests;

/// <summary>A fixed page-token key for repository tests (tests of the codec itself use their own).</summary>
internal static class TestKeys
{
    public static ReadOnlyMemory<byte> Current { get; } = Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray();
}
