using System.Text.Json.Serialization;

namespace Products.Emulator.Tests.Lambda;

[JsonSerializable(typeof(PrintEvent))]
internal sealed partial class PoolTestJsonContext : JsonSerializerContext;
