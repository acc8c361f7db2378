namespace Products.Lambda.ApiGateway.Internal;

/// <summary>Names to values in arrival order; the comparer decides whether names ignore case.</summary>
internal sealed class MultiValueMap
{
    private readonly Dictionary<string, List<string>> values;

    public MultiValueMap(IEnumerable<KeyValuePair<string, string>> pairs, StringComparer comparer)
    {
        values = new Dictionary<string, List<string>>(comparer);
        foreach (var (name, value) in pairs)
        {
            if (values.TryGetValue(name, out var list))
            {
                list.Add(value);
            }
            else
            {
                values.Add(name, [value]);
            }
        }
    }

    public IReadOnlyCollection<string> Names => values.Keys;

    public IReadOnlyList<string> GetAll(string name) =>
        values.TryGetValue(name, out var list) ? list : [];
}
