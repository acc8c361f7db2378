using System.Text.Json.Serialization;

namespace Products.Local.Tests.Ssm;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TestSettings))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
