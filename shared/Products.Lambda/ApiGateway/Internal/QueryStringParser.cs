using System.Net;

namespace Products.Lambda.ApiGateway.Internal;

/// <summary>
/// Splits a raw query string into decoded pairs the way the WHATWG URL Standard's
/// application/x-www-form-urlencoded parser does: '&amp;'-separated, first '=' splits name from value, '+' is a space,
/// percent-escapes decode as UTF-8 and malformed escapes stay as written. Format 2.0 joins repeated parameters with
/// commas in <c>queryStringParameters</c>, which loses values that contain commas; <c>rawQueryString</c> does not.
/// </summary>
internal static class QueryStringParser
{
    public static List<KeyValuePair<string, string>> Parse(string rawQueryString)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var query = rawQueryString.StartsWith('?') ? rawQueryString[1..] : rawQueryString;
        foreach (var segment in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? segment : segment[..equals]);
            var value = equals < 0 ? string.Empty : Decode(segment[(equals + 1)..]);
            if (name.Length > 0)
            {
                pairs.Add(new(name, value));
            }
        }

        return pairs;
    }

    private static string Decode(string text) => WebUtility.UrlDecode(text);
}
