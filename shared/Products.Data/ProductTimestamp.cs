using System.Globalization;

namespace Products.Data;

/// <summary>
/// The one timestamp format of the API and of stored items: ISO 8601 / RFC 3339 UTC with milliseconds and 'Z'
/// (e.g. <c>2026-01-31T09:15:00.123Z</c>). Fixed width, so stored values also sort as text.
/// </summary>
internal static class ProductTimestamp
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public const int Length = 24;

    /// <summary>Drops sub-millisecond ticks so a value survives the text round trip unchanged.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryFormat(DateTimeOffset value, Span<char> destination, out int written) =>
        value.UtcDateTime.TryFormat(destination, out written, Format, CultureInfo.InvariantCulture);

    /// <summary>Reads any ISO 8601 date-time with an offset or 'Z', as UTC.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);
}
