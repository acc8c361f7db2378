using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Products.Lambda.Parameters.Internal.Transform;

/// <summary>
/// The Powertools Parameters json transform over source-generated JSON only. Failures name the parameter and the
/// failure kind; the value and parser messages (which can quote it) are left out.
/// </summary>
internal static class ParameterTransformer
{
    public static T FromJson<T>(string name, string value, JsonTypeInfo<T> typeInfo)
    {
        T? result;
        try
        {
            result = JsonSerializer.Deserialize(value, typeInfo);
        }
        catch (JsonException)
        {
            throw new ParameterTransformException(name, nameof(JsonException));
        }

        return result ?? throw new ParameterTransformException(name, "JSON null");
    }
}
