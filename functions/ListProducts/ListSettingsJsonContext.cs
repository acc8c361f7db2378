using System.Text.Json.Serialization;

namespace ListProducts;

[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ListSettings))]
internal sealed partial class ListSettingsJsonContext : JsonSerializerContext;
