using System.Collections.Concurrent;
using Products.Emulator.Lambda;

namespace Products.Emulator.Tests.Lambda;

/// <summary>Keeps every line the functions wrote, to look at later.</summary>
internal sealed class CollectingSink : IFunctionLogSink
{
    private readonly ConcurrentQueue<(string Line, bool IsError)> _lines = new();

    public IReadOnlyList<(string Line, bool IsError)> Lines => [.. _lines];

    public void WriteLine(string line, bool isError) => _lines.Enqueue((line, isError));

    /// <summary>The pids every started process announced ("started pid N").</summary>
    public IReadOnlyList<int> AnnouncedPids() =>
        [.. Lines.Select(entry => entry.Line)
            .Select(line => line.IndexOf("started pid ", StringComparison.Ordinal) is var at and >= 0
                ? int.Parse(line[(at + "started pid ".Length)..], System.Globalization.CultureInfo.InvariantCulture)
                : -1)
            .Where(pid => pid > 0)];
}
