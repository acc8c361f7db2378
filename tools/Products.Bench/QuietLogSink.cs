using Products.Emulator.Lambda;

namespace Products.Bench;

/// <summary>
/// Drops the functions' log lines (writing thousands of them would measure the console), keeping the last stderr
/// lines so a failing function can still be explained.
/// </summary>
internal sealed class QuietLogSink : IFunctionLogSink
{
    private readonly Lock _lock = new();
    private readonly Queue<string> _errors = new();

    public void WriteLine(string line, bool isError)
    {
        if (!isError)
        {
            return;
        }

        lock (_lock)
        {
            _errors.Enqueue(line);
            while (_errors.Count > 20)
            {
                _errors.Dequeue();
            }
        }
    }

    public string LastErrors()
    {
        lock (_lock)
        {
            return string.Join('\n', _errors);
        }
    }
}
