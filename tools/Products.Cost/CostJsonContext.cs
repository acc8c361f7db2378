using System.Text.Json.Serialization;
using Products.Cost.Model;
using Products.Cost.Output;
using Products.Cost.Pricing;

namespace Products.Cost;

/// <summary>System.Text.Json source generation for the data files and the --json output (no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    WriteIndented = true,
    RespectNullableAnnotations = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(PriceBook))]
[JsonSerializable(typeof(MeasuredInputs))]
[JsonSerializable(typeof(CostJson))]
internal sealed partial class CostJsonContext : JsonSerializerContext;
