using System.Text.Json.Serialization;

namespace Products.Local.Tests.Lambda;

[JsonSerializable(typeof(PrintEvent))]
internal sealed partial class PoolTestJsonContext : JsonSerializerContext;
