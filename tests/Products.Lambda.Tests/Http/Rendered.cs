using System.Text.Json;
using Products.Lambda.ApiGateway;

namespace Products.Lambda.Tests.Http;

/// <summary>Helpers to build requests and read rendered responses.</summary>
internal static class Rendered
{
    public static ApiRequest Request(string? requestId = null, string? origin = null, PayloadFormat format = PayloadFormat.V2) => new()
    {
        Format = format,
        Method = "GET",
        Path = "/products",
        RequestId = requestId,
        Headers = origin is null ? RequestHeaders.Empty : new RequestHeaders([new("origin", origin)]),
    };

    public static JsonElement Body(ApiResponse response)
    {
        using var document = JsonDocument.Parse(response.Body);
        return document.RootElement.Clone();
    }

    public static string? Header(ApiResponse response, string name)
    {
        var values = response.Headers
            .Where(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            .Select(header => header.Value)
            .ToList();
        Assert.True(values.Count <= 1, $"{name} appears {values.Count} times");
        return values.SingleOrDefault();
    }

    public static string[] MemberNames(JsonElement element) =>
        element.EnumerateObject().Select(member => member.Name).ToArray();
}
