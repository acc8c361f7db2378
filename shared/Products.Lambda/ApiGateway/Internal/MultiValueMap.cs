using System.Collections.ObjectModel;

namespace Products.Lambda.ApiGateway.Internal;

/// <summary>Names to values in arrival order; the comparer decides whether names ignore case. Immutable once built.</summary>
internal sealed class MultiValueMap
{
    private readonly Dictionary<string, ReadOnlyCollection<string>> values;

    public MultiValueMap(IEnumerable<KeyValuePair<string, string>> pairs, StringComparer comparer)
    {
        var lists = new Dictionary<string, List<string>>(comparer);
        foreach (var (name, value) in pairs)
        {
            if (lists.TryGetValue(name, out var list))
            {
                list.Add(value);
            }
            else
            {
                lists.Add(name, [value]);
            }
        }

        values = lists.ToDictionary(pair => pair.Key, pair => pair.Value.AsReadOnly(), comparer);
    }

    public IReadOnlyCollection<string> Names => values.Keys;

    public IReadOnlyList<string> GetAll(string name) =>
        values.TryGetValue(name, out var list) ? list : [];
}
