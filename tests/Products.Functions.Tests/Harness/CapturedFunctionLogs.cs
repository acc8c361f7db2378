using System.Collections.Concurrent;
using Products.Emulator.Lambda;

namespace Products.Functions.Tests.Harness;

/// <summary>Keeps the function processes' output lines so tests can parse their logs and metrics.</summary>
internal sealed class CapturedFunctionLogs : IFunctionLogSink
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public void WriteLine(string line, bool isError) => lines.Enqueue(line);
}
