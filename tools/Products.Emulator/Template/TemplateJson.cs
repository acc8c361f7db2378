using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Products.Emulator.Template;

/// <summary>Writes a template tree as JSON with <see cref="Utf8JsonWriter"/> (no reflection: AOT-safe).</summary>
public static class TemplateJson
{
    public static string Write(TemplateValue value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, TemplateValue value)
    {
        switch (value)
        {
            case TemplateScalar scalar:
                WriteScalar(writer, scalar);
                break;
            case TemplateSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case TemplateMapping mapping:
                writer.WriteStartObject();
                foreach (var (key, item) in mapping.Entries)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "unknown template value");
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, TemplateScalar scalar)
    {
        switch (scalar.Kind)
        {
            case ScalarKind.Null:
                writer.WriteNullValue();
                break;
            case ScalarKind.Boolean:
                writer.WriteBooleanValue(string.Equals(scalar.Text, "true", StringComparison.OrdinalIgnoreCase));
                break;
            case ScalarKind.Number when decimal.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                writer.WriteNumberValue(number);
                break;
            default:
                writer.WriteStringValue(scalar.Text);
                break;
        }
    }
}
