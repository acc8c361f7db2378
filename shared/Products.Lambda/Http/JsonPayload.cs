using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Products.Lambda.Http;

/// <summary>
/// A value already serialized to UTF-8 JSON, for the <c>data</c> member of a success body. Serializing through a
/// source-generated <see cref="JsonTypeInfo{T}"/> keeps handlers reflection-free while this library stays ignorant
/// of their types.
/// </summary>
public sealed class JsonPayload
{
    private readonly byte[] utf8Json;

    private JsonPayload(byte[] utf8Json)
    {
        this.utf8Json = utf8Json;
    }

    /// <summary>The serialized JSON as UTF-8.</summary>
    public ReadOnlyMemory<byte> Utf8Json => utf8Json;

    /// <summary>Serializes <paramref name="value"/> with the given source-generated metadata.</summary>
    public static JsonPayload From<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return new JsonPayload(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
    }

    /// <summary>The JSON text.</summary>
    public override string ToString() => Encoding.UTF8.GetString(utf8Json);
}
