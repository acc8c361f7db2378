using System.Buffers;
using System.Text.Json;

namespace Products.Lambda.Http.Internal;

/// <summary>
/// The JSON bodies of the API contract, as UTF-8 bytes. <see cref="Utf8JsonWriter"/>'s default encoder escapes quotes,
/// control and HTML-sensitive characters and non-ASCII text, so any message stays one well-formed JSON string.
/// </summary>
internal static class ResultBody
{
    public static byte[] Success(string message, JsonPayload? data, string? nextToken) =>
        Write(writer =>
        {
            writer.WriteString("message", message);
            if (data is not null)
            {
                writer.WritePropertyName("data");
                writer.WriteRawValue(data.Utf8Json.Span);
            }

            if (nextToken is not null)
            {
                writer.WriteString("nextToken", nextToken);
            }
        });

    public static byte[] Error(string message, IReadOnlyList<FieldError>? errors, string? requestId) =>
        Write(writer =>
        {
            writer.WriteString("message", message);
            if (errors is { Count: > 0 })
            {
                writer.WriteStartArray("errors");
                foreach (var error in errors)
                {
                    writer.WriteStartObject();
                    writer.WriteString("field", error.Field);
                    writer.WriteString("problem", error.Problem);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            if (requestId is not null)
            {
                writer.WriteString("requestId", requestId);
            }
        });

    private static byte[] Write(Action<Utf8JsonWriter> writeMembers)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
