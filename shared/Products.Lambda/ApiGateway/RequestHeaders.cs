using Products.Lambda.ApiGateway.Internal;

namespace Products.Lambda.ApiGateway;

/// <summary>Request headers; names ignore case, as in HTTP.</summary>
public sealed class RequestHeaders
{
    private readonly MultiValueMap map;

    /// <summary>Headers from name/value pairs; a name may repeat.</summary>
    public RequestHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        map = new MultiValueMap(headers, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>No headers.</summary>
    public static RequestHeaders Empty { get; } = new([]);

    /// <summary>The names present.</summary>
    public IReadOnlyCollection<string> Names => map.Names;

    /// <summary>
    /// The header's value, repeated values joined with a comma (the way payload format 2.0 delivers them), or null.
    /// </summary>
    public string? Get(string name)
    {
        var all = map.GetAll(name);
        return all.Count switch
        {
            0 => null,
            1 => all[0],
            _ => string.Join(',', all),
        };
    }

    /// <summary>
    /// Every value received for the header. Format 2.0 has already joined repeats with commas, so there it is one value.
    /// </summary>
    public IReadOnlyList<string> GetAll(string name) => map.GetAll(name);
}
