using Products.Lambda.ApiGateway.Internal;

namespace Products.Lambda.ApiGateway;

/// <summary>Decoded query string parameters; names are case-sensitive and may repeat.</summary>
public sealed class QueryParameters
{
    private readonly MultiValueMap map;

    /// <summary>Parameters from decoded name/value pairs, in order; a name may repeat.</summary>
    public QueryParameters(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        map = new MultiValueMap(parameters, StringComparer.Ordinal);
    }

    /// <summary>No parameters.</summary>
    public static QueryParameters Empty { get; } = new([]);

    /// <summary>The names present, for example to reject unknown parameters.</summary>
    public IReadOnlyCollection<string> Names => map.Names;

    /// <summary>The first value of the parameter, or null when it is absent.</summary>
    public string? GetFirst(string name)
    {
        var all = map.GetAll(name);
        return all.Count == 0 ? null : all[0];
    }

    /// <summary>Every value of the parameter in request order; empty when it is absent.</summary>
    public IReadOnlyList<string> GetAll(string name) => map.GetAll(name);
}
