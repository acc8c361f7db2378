namespace Products.Lambda.Logging;

/// <summary>
/// Where log lines and EMF documents go: one JSON document per line on a stream (stdout in Lambda, which CloudWatch Logs
/// ingests line by line). Share ONE sink between the logger and the metrics recorder so their lines never interleave.
/// </summary>
public sealed class JsonLineSink
{
    private readonly Stream _stream;
    private readonly Lock _gate = new();

    /// <summary>Writes to <paramref name="stream"/> (not owned: the caller disposes it).</summary>
    public JsonLineSink(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
    }

    /// <summary>Writes one UTF-8 JSON document and a newline, whole, before any other line.</summary>
    public void WriteLine(ReadOnlySpan<byte> utf8Json)
    {
        lock (_gate)
        {
            _stream.Write(utf8Json);
            _stream.Write("\n"u8);
            _stream.Flush();
        }
    }
}
