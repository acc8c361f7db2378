using Microsoft.AspNetCore.Http;
using System.Buffers;
using System.Text.Json;

namespace Products.Emulator.Ssm;

/// <summary>
/// One AWS JSON 1.1 response: status, body, and for errors the error type, which the SDK reads from "__type" to pick
/// its exception class (e.g. ParameterNotFound → ParameterNotFoundException).
/// </summary>
internal sealed record SsmReply(int StatusCode, ReadOnlyMemory<byte> Body, string? ErrorType)
{
    public static SsmReply Ok(Action<Utf8JsonWriter> writeObjectMembers)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeObjectMembers(writer);
            writer.WriteEndObject();
        }

        return new SsmReply(StatusCodes.Status200OK, buffer.WrittenMemory, ErrorType: null);
    }

    public static SsmReply Error(string errorType, string message, int statusCode = StatusCodes.Status400BadRequest)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", errorType);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }

        return new SsmReply(statusCode, buffer.WrittenMemory, errorType);
    }
}
