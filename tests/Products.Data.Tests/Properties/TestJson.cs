using System.Text.Json.Serialization;

namespace Products.Data.Tests.Properties;

/// <summary>Source-generated JSON for writing generated strings as JSON string literals.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class TestJson : JsonSerializerContext;
