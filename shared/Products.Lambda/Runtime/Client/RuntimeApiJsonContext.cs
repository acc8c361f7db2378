using System.Text.Json.Serialization;

namespace Products.Lambda.Runtime;

/// <summary>Source-generated JSON for the Runtime API bodies (no reflection: the runtime must stay AOT-safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LambdaError))]
[JsonSerializable(typeof(RuntimeApiErrorResponse))]
internal sealed partial class RuntimeApiJsonContext : JsonSerializerContext;
