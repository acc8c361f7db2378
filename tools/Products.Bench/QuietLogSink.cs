using Products.Emulator.Lambda;
using Products.Tooling;

namespace Products.Bench;

/// <summary>
/// Drops the functions' log lines (writing thousands of them would measure the console), keeping the last stderr
/// lines so a failing function can still be explained.
/// </summary>
internal sealed class QuietLogSink : IFunctionLogSink
{
    private readonly OutputTail _errors = new(20);

    public void WriteLine(string line, bool isError)
    {
        if (isError)
        {
            _errors.Add(line);
        }
    }

    public string LastErrors() => string.Join('\n', _errors.Snapshot());
}
