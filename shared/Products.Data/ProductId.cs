namespace Products.Data;

/// <summary>
/// Product ids: random UUIDs (RFC 9562 version 4) in canonical lowercase 8-4-4-4-12 form, the only form the service
/// issues. Anything else (uppercase, braces, missing hyphens, path segments like <c>../x</c>) is rejected before it
/// reaches DynamoDB, so a malformed id is a client error rather than a lookup that can never match.
/// </summary>
public static class ProductId
{
    /// <summary>Returns a new random id.</summary>
    public static string NewId() => Guid.NewGuid().ToString("D");

    /// <summary>True when <paramref name="id"/> is a UUID in canonical lowercase form.</summary>
    public static bool IsValid(string? id)
    {
        if (id is null || id.Length != ProductLimits.IdMaxLength)
        {
            return false;
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            var valid = i is 8 or 13 or 18 or 23 ? c == '-' : char.IsAsciiHexDigitLower(c);
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }
}
