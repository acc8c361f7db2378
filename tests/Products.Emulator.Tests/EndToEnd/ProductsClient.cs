using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Products.Emulator.Tests.EndToEnd;

/// <summary>The API's calls as a client makes them, with the answer's status, headers and parsed JSON body.</summary>
internal static class ProductsClient
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<ApiAnswer> CreateAsync(HttpClient client, string name, decimal price = 9.99m) =>
        await SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "products")
        {
            Content = Json(new JsonObject { ["name"] = name, ["price"] = price, ["category"] = "e2e" }.ToJsonString()),
        });

    public static Task<ApiAnswer> GetAsync(HttpClient client, string id) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Get, $"products/{Uri.EscapeDataString(id)}"));

    public static Task<ApiAnswer> ListAsync(HttpClient client, int limit, string? nextToken) =>
        SendAsync(client, new HttpRequestMessage(
            HttpMethod.Get,
            $"products?limit={limit}" + (nextToken is null ? string.Empty : "&nextToken=" + Uri.EscapeDataString(nextToken))));

    /// <summary>Every page of GET /products, in order, following nextToken to the end.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<JsonElement>>> ListAllPagesAsync(HttpClient client, int limit)
    {
        var pages = new List<IReadOnlyList<JsonElement>>();
        string? token = null;
        do
        {
            var page = await ListAsync(client, limit, token);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            pages.Add([.. page.Body.GetProperty("data").EnumerateArray()]);
            token = page.Body.TryGetProperty("nextToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        return pages;
    }

    public static async Task<ApiAnswer> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return new ApiAnswer(
                response.StatusCode,
                response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
                text);
        }
    }
}
