namespace Products.Emulator.RuntimeApi;

/// <summary>Reads a request body up to a limit without buffering what lies beyond it.</summary>
internal static class BoundedBody
{
    /// <summary>
    /// The body's bytes, or null when it is longer than <paramref name="limit"/>. The rest of an oversized body is
    /// still read and discarded, so the client gets our 413 rather than a reset connection.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var kept = new MemoryStream();
        var buffer = new byte[81920];
        var tooLarge = false;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (!tooLarge && kept.Length + read <= limit)
            {
                kept.Write(buffer, 0, read);
            }
            else
            {
                tooLarge = true;
            }
        }

        return tooLarge ? null : kept.ToArray();
    }
}
