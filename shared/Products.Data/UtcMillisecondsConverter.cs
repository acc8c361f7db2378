using System.Text.Json;
using System.Text.Json.Serialization;

namespace Products.Data;

/// <summary>Writes <see cref="DateTimeOffset"/> in <see cref="ProductTimestamp.Format"/> instead of the default,
/// which keeps the local offset and a variable number of fraction digits.</summary>
internal sealed class UtcMillisecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        Span<char> text = stackalloc char[ProductTimestamp.Length];
        ProductTimestamp.TryFormat(value, text, out var written);
        writer.WriteStringValue(text[..written]);
    }
}
