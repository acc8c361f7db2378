using System.Buffers;
using System.Text.Json;
using Products.Lambda.ApiGateway.Internal;

namespace Products.Lambda.ApiGateway;

/// <summary>
/// Writes the JSON a Lambda proxy integration returns to API Gateway, in the event's payload format (Amazon API
/// Gateway Developer Guide: "Lambda function response format" for HTTP APIs; "Output format of a Lambda function for
/// proxy integration" for REST APIs). Always writes <c>statusCode</c>, so format 2.0 never infers a response.
/// </summary>
public static class ApiGatewayResponseWriter
{
    /// <summary>
    /// The response JSON as UTF-8. Format 2.0: <c>headers</c> are single-valued, so repeats are joined with ", ",
    /// except <c>Set-Cookie</c>, which goes to <c>cookies</c> (each becomes its own set-cookie header). Format 1.0:
    /// single values in <c>headers</c>, repeated names and every <c>Set-Cookie</c> in <c>multiValueHeaders</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A header name or value could split the response (CR, LF, NUL, colon).</exception>
    public static byte[] Write(ApiResponse response, PayloadFormat format)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentOutOfRangeException.ThrowIfLessThan(response.StatusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(response.StatusCode, 599);

        var groups = HeaderGroup.From(response.Headers);
        var buffer = new ArrayBufferWriter<byte>(256 + (response.Body.Length * 2));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("statusCode", response.StatusCode);
            if (format == PayloadFormat.V2)
            {
                WriteV2Headers(writer, groups);
            }
            else
            {
                WriteV1Headers(writer, groups);
            }

            // The UTF-8 overload escapes as needed and copies the bytes; it throws on invalid UTF-8, which only a
            // defect in the renderer could produce.
            writer.WriteString("body", response.Body.Span);
            writer.WriteBoolean("isBase64Encoded", response.IsBase64Encoded);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteV2Headers(Utf8JsonWriter writer, List<HeaderGroup> groups)
    {
        writer.WriteStartObject("headers");
        foreach (var group in groups.Where(group => !group.IsSetCookie))
        {
            writer.WriteString(group.Name, string.Join(", ", group.Values));
        }

        writer.WriteEndObject();

        var cookies = groups.Where(group => group.IsSetCookie).SelectMany(group => group.Values).ToList();
        if (cookies.Count > 0)
        {
            writer.WriteStartArray("cookies");
            foreach (var cookie in cookies)
            {
                writer.WriteStringValue(cookie);
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteV1Headers(Utf8JsonWriter writer, List<HeaderGroup> groups)
    {
        static bool IsMulti(HeaderGroup group) => group.IsSetCookie || group.Values.Count > 1;

        writer.WriteStartObject("headers");
        foreach (var group in groups.Where(group => !IsMulti(group)))
        {
            writer.WriteString(group.Name, group.Values[0]);
        }

        writer.WriteEndObject();

        writer.WriteStartObject("multiValueHeaders");
        foreach (var group in groups.Where(IsMulti))
        {
            writer.WriteStartArray(group.Name);
            foreach (var value in group.Values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
