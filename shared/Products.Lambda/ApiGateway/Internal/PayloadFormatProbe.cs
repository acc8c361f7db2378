using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Products.Lambda.ApiGateway.Internal;

/// <summary>
/// Tells the payload format from the event's top-level fields without materializing it: format 2.0 events carry
/// <c>"version": "2.0"</c>; format 1.0 events carry <c>httpMethod</c> and <c>"version": "1.0"</c> or no version
/// (REST APIs omit it).
/// </summary>
internal static class PayloadFormatProbe
{
    public static bool TryDetect(
        ReadOnlySpan<byte> utf8Json,
        out PayloadFormat format,
        [NotNullWhen(false)] out string? problem)
    {
        format = default;
        string? version = null;
        var hasHttpMethod = false;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                problem = "The event is not a JSON object.";
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("version"u8))
                {
                    reader.Read();
                    version = reader.TokenType == JsonTokenType.String ? reader.GetString() : "(not a string)";
                }
                else
                {
                    hasHttpMethod |= reader.ValueTextEquals("httpMethod"u8);
                    reader.Read();
                }

                reader.Skip();
            }

            // Reading to the end validates the remainder, so malformed trailing JSON is reported here too.
            while (reader.Read())
            {
            }
        }
        catch (JsonException exception)
        {
            problem = $"The event is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}).";
            return false;
        }

        switch (version)
        {
            case "2.0":
                format = PayloadFormat.V2;
                problem = null;
                return true;
            case "1.0" or null when hasHttpMethod:
                format = PayloadFormat.V1;
                problem = null;
                return true;
            case "1.0" or null:
                problem = "The event is not an API Gateway proxy event: it has neither \"version\": \"2.0\" nor \"httpMethod\".";
                return false;
            default:
                problem = $"The event has an unsupported payload format version \"{version}\"; expected 1.0 or 2.0.";
                return false;
        }
    }
}
