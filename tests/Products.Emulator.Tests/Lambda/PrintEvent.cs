using System.Text.Json.Serialization;

namespace Products.Emulator.Tests.Lambda;

internal sealed record PrintEvent(
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("out")] string[] Out,
    [property: JsonPropertyName("err")] string[] Err);
