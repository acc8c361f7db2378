using System.Threading.Channels;

namespace Products.Emulator.Tests.Gateway;

/// <summary>Collects access log lines; the gateway writes a line after the response, so tests wait for it.</summary>
internal sealed class AccessLogSink
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    public void Write(string line) => _lines.Writer.TryWrite(line);

    /// <summary>The next line; the generous bound only keeps a broken gateway from hanging the test run.</summary>
    public async Task<string> NextAsync() => await _lines.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
}
