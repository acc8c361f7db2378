using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Products.Lambda.Http.Internal;

/// <summary>
/// The JSON bodies of the API contract. <see cref="Utf8JsonWriter"/>'s default encoder escapes quotes, control and
/// HTML-sensitive characters and non-ASCII text, so any message stays one well-formed JSON string.
/// </summary>
internal static class ResultBody
{
    public static string Success(string message, JsonPayload? data, string? nextToken) =>
        Encoding.UTF8.GetString(Write(SuccessMembers(message, data, nextToken)).WrittenSpan);

    public static byte[] SuccessUtf8(string message, JsonPayload? data, string? nextToken) =>
        Write(SuccessMembers(message, data, nextToken)).WrittenSpan.ToArray();

    public static string Error(string message, IReadOnlyList<FieldError>? errors, string? requestId) =>
        Encoding.UTF8.GetString(Write(writer =>
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
        }).WrittenSpan);

    private static Action<Utf8JsonWriter> SuccessMembers(string message, JsonPayload? data, string? nextToken) =>
        writer =>
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
        };

    private static ArrayBufferWriter<byte> Write(Action<Utf8JsonWriter> writeMembers)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        return buffer;
    }
}
