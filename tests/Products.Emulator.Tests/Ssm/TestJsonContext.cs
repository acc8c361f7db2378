using System.Text.Json.Serialization;

namespace Products.Emulator.Tests.Ssm;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TestSettings))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
