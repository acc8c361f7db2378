using System.Collections.Concurrent;
using Products.Emulator.Lambda;

namespace Products.Testing;

/// <summary>Lines written from many threads, kept in arrival order for a test to read or print on failure.</summary>
internal sealed class CapturedLines : IFunctionLogSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Snapshot => [.. _lines];

    public void Add(string line) => _lines.Enqueue(line);

    public void WriteLine(string line, bool isError) => _lines.Enqueue(line);
}
