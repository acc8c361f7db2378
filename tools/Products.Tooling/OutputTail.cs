namespace Products.Tooling;

/// <summary>The last lines a process wrote, kept to explain why it failed. Safe to add to from several threads.</summary>
public sealed class OutputTail(int capacity)
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

    public void Clear()
    {
        lock (_lock)
        {
            _lines.Clear();
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_lock)
        {
            return [.. _lines];
        }
    }

    /// <summary>The kept lines, one a line; <c>(no output)</c> when there are none.</summary>
    public override string ToString()
    {
        var lines = Snapshot();
        return lines.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, lines);
    }
}
