using System.Diagnostics.CodeAnalysis;

namespace Products.Emulator.Template;

/// <summary>A mapping with string keys, in source order (order matters for messages and for Globals merging).</summary>
public sealed record TemplateMapping : TemplateValue
{
    private readonly Dictionary<string, TemplateValue> _byKey;

    public TemplateMapping(IReadOnlyList<KeyValuePair<string, TemplateValue>> entries)
    {
        Entries = entries;
        _byKey = new Dictionary<string, TemplateValue>(entries.Count, StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            if (!_byKey.TryAdd(key, value))
            {
                throw new ArgumentException($"duplicate key '{key}'", nameof(entries));
            }
        }
    }

    public static TemplateMapping Empty { get; } = new(Array.Empty<KeyValuePair<string, TemplateValue>>());

    public IReadOnlyList<KeyValuePair<string, TemplateValue>> Entries { get; }

    public int Count => Entries.Count;

    public IEnumerable<string> Keys => Entries.Select(entry => entry.Key);

    public TemplateValue? this[string key] => _byKey.GetValueOrDefault(key);

    public bool ContainsKey(string key) => _byKey.ContainsKey(key);

    public bool TryGetValue(string key, [NotNullWhen(true)] out TemplateValue? value) => _byKey.TryGetValue(key, out value);

    /// <summary>A copy with <paramref name="key"/> set (replaced in place when present, appended otherwise).</summary>
    public TemplateMapping With(string key, TemplateValue value)
    {
        var entries = Entries.ToList();
        var index = entries.FindIndex(entry => entry.Key == key);
        var entry = new KeyValuePair<string, TemplateValue>(key, value);
        if (index < 0)
        {
            entries.Add(entry);
        }
        else
        {
            entries[index] = entry;
        }

        return new TemplateMapping(entries);
    }

    /// <summary>A copy without <paramref name="key"/>.</summary>
    public TemplateMapping Without(string key) => new(Entries.Where(entry => entry.Key != key).ToArray());
}
