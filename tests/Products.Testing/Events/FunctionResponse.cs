using System.Text.Json;

namespace Products.Testing.Events;

/// <summary>What a function answered through the Runtime API, read back from its API Gateway response JSON.</summary>
public sealed record FunctionResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Header(string name) =>
        Headers.TryGetValue(name, out var value) ? value : throw new Xunit.Sdk.XunitException($"No {name} header in {string.Join(", ", Headers.Keys)}");

    /// <summary>Parses a payload 2.0 or 1.0 response object (statusCode, headers, multiValueHeaders, body).</summary>
    public static FunctionResponse Parse(ReadOnlyMemory<byte> response)
    {
        using var document = JsonDocument.Parse(response);
        var root = document.RootElement;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("headers", out var single) && single.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in single.EnumerateObject())
            {
                headers[header.Name] = header.Value.GetString()!;
            }
        }

        if (root.TryGetProperty("multiValueHeaders", out var multi) && multi.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in multi.EnumerateObject())
            {
                headers[header.Name] = string.Join(", ", header.Value.EnumerateArray().Select(v => v.GetString()));
            }
        }

        return new FunctionResponse(
            root.GetProperty("statusCode").GetInt32(),
            headers,
            root.TryGetProperty("body", out var body) ? body.GetString() ?? string.Empty : string.Empty);
    }
}
