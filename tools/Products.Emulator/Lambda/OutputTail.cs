namespace Products.Emulator.Lambda;

/// <summary>The last few lines a process wrote, kept to explain why it failed.</summary>
internal sealed class OutputTail(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Queue<string> _lines = new(capacity);

    public void Add(string line)
    {
        lock (_lock)
        {
            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_lock)
        {
            return [.. _lines];
        }
    }
}
