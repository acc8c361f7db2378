namespace Products.Lambda.ApiGateway.Internal;

/// <summary>Splits Cookie header values into <c>name=value</c> strings (RFC 6265 section 4.2.1: pairs joined by "; ").</summary>
internal static class CookieHeader
{
    public static string[] Split(IEnumerable<string> headerValues) =>
        headerValues
            .SelectMany(value => value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToArray();
}
