using System.Globalization;

namespace Products.Lambda.ApiGateway.Internal;

/// <summary>The request time from the epoch milliseconds when present, else from the Common Log Format text.</summary>
internal static class RequestTime
{
    public static DateTimeOffset? From(long? epochMilliseconds, string? text)
    {
        if (epochMilliseconds is { } milliseconds
            && milliseconds >= 0
            && milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        return DateTimeOffset.TryParseExact(
            text,
            "dd/MMM/yyyy:HH:mm:ss zzz",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var parsed)
            ? parsed
            : null;
    }
}
