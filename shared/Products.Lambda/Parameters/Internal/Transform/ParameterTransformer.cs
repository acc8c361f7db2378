using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Products.Lambda.Parameters.Internal.Transform;

/// <summary>
/// Powertools Parameters transforms (json, base64/binary) over source-generated JSON only. Failures name the
/// parameter and the failure kind; the value and parser messages (which can quote it) are left out.
/// </summary>
internal static class ParameterTransformer
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string ToText(string name, string value, ParameterTransform transform) => transform switch
    {
        ParameterTransform.None => value,
        ParameterTransform.Json => ValidateJson(name, value),
        ParameterTransform.Base64 => DecodeUtf8(name, FromBase64(name, value)),
        _ => throw new ArgumentOutOfRangeException(nameof(transform)),
    };

    public static T FromJson<T>(string name, string value, JsonTypeInfo<T> typeInfo)
    {
        T? result;
        try
        {
            result = JsonSerializer.Deserialize(value, typeInfo);
        }
        catch (JsonException)
        {
            throw new ParameterTransformException(name, ParameterTransform.Json, nameof(JsonException));
        }

        return result ?? throw new ParameterTransformException(name, ParameterTransform.Json, "JSON null");
    }

    public static byte[] FromBase64(string name, string value)
    {
        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            throw new ParameterTransformException(name, ParameterTransform.Base64, nameof(FormatException));
        }
    }

    private static string ValidateJson(string name, string value)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            return value;
        }
        catch (JsonException)
        {
            throw new ParameterTransformException(name, ParameterTransform.Json, nameof(JsonException));
        }
    }

    private static string DecodeUtf8(string name, byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ParameterTransformException(name, ParameterTransform.Base64, "invalid UTF-8");
        }
    }
}
