using System.Text.Json;

namespace Products.Emulator.Auth;

/// <summary>
/// The scopes a token grants, from <c>scope</c> (space-separated, RFC 8693 / RFC 9068) or, when absent, <c>scp</c> (a
/// space-separated string or an array, as some issuers write it) — the two claims the JWT authorizer reads.
/// </summary>
internal static class TokenScopes
{
    public static IReadOnlyList<string> From(JsonElement payload)
    {
        if (payload.TryGetProperty("scope", out var scope))
        {
            return Read(scope);
        }

        return payload.TryGetProperty("scp", out var scp) ? Read(scp) : [];
    }

    private static string[] Read(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        JsonValueKind.Array => [.. value.EnumerateArray()
            .Where(static item => item.ValueKind == JsonValueKind.String)
            .Select(static item => item.GetString()!)
            .Where(static item => item.Length > 0)],
        _ => [],
    };
}
