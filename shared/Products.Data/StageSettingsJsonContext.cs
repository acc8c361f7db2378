using System.Text.Json.Serialization;

namespace Products.Data;

/// <summary>Source-generated (AOT-safe) reading of <see cref="StageSettings"/>: unknown members and quoted numbers are refused.</summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(StageSettings))]
public sealed partial class StageSettingsJsonContext : JsonSerializerContext;
