using System.Collections.Concurrent;
using System.Globalization;
using Products.Emulator.Lambda;

namespace Products.Testing;

/// <summary>
/// Lines written from many threads (the functions' output, or a test's own notes), kept in arrival order for a test to
/// read or print on failure. The one log capture of the test projects.
/// </summary>
public sealed class CapturedLines : IFunctionLogSink
{
    private const string StartedPid = "started pid ";
    private readonly ConcurrentQueue<(string Line, bool IsError)> _entries = new();

    /// <summary>Every line so far.</summary>
    public IReadOnlyList<string> Snapshot => [.. _entries.Select(entry => entry.Line)];

    /// <summary>Every line so far, with whether it came from stderr or the platform's error reports.</summary>
    public IReadOnlyList<(string Line, bool IsError)> Entries => [.. _entries];

    /// <summary>The pids the pool announced for the processes it started ("started pid N").</summary>
    public IReadOnlyList<int> AnnouncedPids() =>
        [.. Snapshot
            .Select(line => line.IndexOf(StartedPid, StringComparison.Ordinal) is var at and >= 0
                ? int.Parse(line[(at + StartedPid.Length)..], CultureInfo.InvariantCulture)
                : -1)
            .Where(pid => pid > 0)];

    /// <summary>Adds a line of the test's own.</summary>
    public void Add(string line) => _entries.Enqueue((line, false));

    /// <inheritdoc />
    public void WriteLine(string line, bool isError) => _entries.Enqueue((line, isError));
}
