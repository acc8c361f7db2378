using System.Text.Json.Serialization;

namespace Products.Lambda.Tests.Http;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SampleProduct))]
[JsonSerializable(typeof(SampleProduct[]))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
