namespace Products.Testing.OpenApi;

/// <summary>One operation of openapi.yaml.</summary>
/// <param name="Method">Upper case, e.g. <c>POST</c>.</param>
/// <param name="Path">The path template, e.g. <c>/products/{id}</c>.</param>
/// <param name="Statuses">The response statuses it declares, e.g. <c>200</c>, <c>400</c>.</param>
/// <param name="Scopes">What its security requirement lists (<c>products/write</c>), empty for a public operation.</param>
public sealed record OpenApiOperation(
    string Method,
    string Path,
    string OperationId,
    IReadOnlyList<int> Statuses,
    IReadOnlyList<string> Scopes)
{
    /// <summary>True when <paramref name="rawPath"/> (percent-encoded, no query) is this operation's path.</summary>
    public bool MatchesPath(string rawPath)
    {
        ArgumentNullException.ThrowIfNull(rawPath);
        var template = Path.Split('/');
        var actual = rawPath.Split('/');
        if (template.Length != actual.Length)
        {
            return false;
        }

        for (var i = 0; i < template.Length; i++)
        {
            var isParameter = template[i].StartsWith('{') && template[i].EndsWith('}');
            if (isParameter ? actual[i].Length == 0 : !string.Equals(template[i], actual[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
