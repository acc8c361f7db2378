using System.Net;
using System.Text.Json;

namespace Products.Emulator.Tests.EndToEnd;

/// <summary>One HTTP answer of the local API, read to the end.</summary>
internal sealed record ApiAnswer(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, string Text)
{
    public JsonElement Body => JsonDocument.Parse(Text).RootElement;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>API Gateway's id of the request, which its access-log line ends with.</summary>
    public string RequestId => Header("apigw-requestid") ?? throw new InvalidOperationException("No apigw-requestid header.");

    public override string ToString() => $"{(int)Status} {Text}";
}
