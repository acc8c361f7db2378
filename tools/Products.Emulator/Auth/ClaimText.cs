using System.Text;
using System.Text.Json;

namespace Products.Emulator.Auth;

/// <summary>
/// A token's claims as an HTTP API JWT authorizer passes them to the integration (<c>requestContext.authorizer.jwt.claims</c>):
/// every value a string — strings as they are, numbers and booleans as their JSON text, arrays as their items
/// space-separated in brackets (<c>"[admin users]"</c>), objects as JSON text — and null values left out. The array form is
/// not in the developer guide; it is what events from deployed HTTP APIs show (for example <c>cognito:groups</c>).
/// </summary>
internal static class ClaimText
{
    public static IReadOnlyList<KeyValuePair<string, string>> FromPayload(JsonElement payload)
    {
        var claims = new List<KeyValuePair<string, string>>();
        foreach (var claim in payload.EnumerateObject())
        {
            if (claim.Value.ValueKind != JsonValueKind.Null)
            {
                claims.Add(new(claim.Name, Format(claim.Value)));
            }
        }

        return claims;
    }

    public static string Format(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => FormatArray(value),
        _ => value.GetRawText(),
    };

    private static string FormatArray(JsonElement array)
    {
        var text = new StringBuilder("[");
        foreach (var item in array.EnumerateArray())
        {
            if (text.Length > 1)
            {
                text.Append(' ');
            }

            text.Append(item.ValueKind == JsonValueKind.Null ? "null" : Format(item));
        }

        return text.Append(']').ToString();
    }
}
