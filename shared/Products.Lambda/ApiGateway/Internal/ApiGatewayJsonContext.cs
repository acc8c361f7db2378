using System.Text.Json.Serialization;

namespace Products.Lambda.ApiGateway.Internal;

/// <summary>Source-generated (reflection-free, AOT-safe) metadata for the event DTOs.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HttpApiV2Event))]
[JsonSerializable(typeof(RestApiV1Event))]
internal sealed partial class ApiGatewayJsonContext : JsonSerializerContext;
