using System.Collections.ObjectModel;
using System.Text.Json;

namespace Products.Lambda.ApiGateway.Internal;

/// <summary>
/// Reads the claims and scopes an authorizer put into the event. API Gateway passes every claim as a string; a value of
/// another JSON type (hand-written or test events) is kept as its JSON text, and null values are dropped.
/// </summary>
internal static class AuthorizerClaimsReader
{
    public static IReadOnlyDictionary<string, string> Claims(JsonElement claims)
    {
        if (claims.ValueKind != JsonValueKind.Object)
        {
            return ReadOnlyDictionary<string, string>.Empty;
        }

        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var claim in claims.EnumerateObject())
        {
            if (claim.Name.Length == 0 || claim.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                continue;
            }

            read[claim.Name] = claim.Value.ValueKind == JsonValueKind.String
                ? claim.Value.GetString()!
                : claim.Value.GetRawText();
        }

        return read.Count == 0 ? ReadOnlyDictionary<string, string>.Empty : read.AsReadOnly();
    }

    public static IReadOnlyList<string> Scopes(JsonElement scopes) =>
        scopes.ValueKind != JsonValueKind.Array
            ? []
            : scopes.EnumerateArray()
                .Where(static scope => scope.ValueKind == JsonValueKind.String)
                .Select(static scope => scope.GetString()!)
                .Where(static scope => scope.Length > 0)
                .ToArray();
}
