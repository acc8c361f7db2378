using System.Text;
using System.Text.Json.Nodes;
using Products.Emulator.Auth;

namespace Products.Bench;

/// <summary>A function of the template and the request the benchmark sends it, as an HTTP API payload 2.0 event.</summary>
public sealed record BenchFunction(string LogicalId, string Label, string Method, string RouteKey)
{
    public static readonly BenchFunction List = new("ListProductsFunction", "ListProducts", "GET", "GET /products");
    public static readonly BenchFunction Create = new("CreateProductFunction", "CreateProduct", "POST", "POST /products");
    public static readonly BenchFunction Get = new("GetProductFunction", "GetProduct", "GET", "GET /products/{id}");

    public static readonly IReadOnlyList<BenchFunction> All = [List, Create, Get];

    public static BenchFunction ByLogicalId(string logicalId) => All.Single(f => f.LogicalId == logicalId);

    // A real token of the size a client sends (signed by a throwaway key: the function never verifies it).
    private static readonly Lazy<string> WriterToken = new(() =>
        LocalIssuer.Ephemeral(TimeProvider.System).Mint("bench", ["products/write"], TimeSpan.FromHours(12)));

    /// <summary>
    /// The event API Gateway would send ("Working with AWS Lambda proxy integrations for HTTP APIs", payload format
    /// 2.0). <paramref name="productId"/> is a seeded product for GetProduct; <paramref name="idempotencyKey"/>, when
    /// given, is sent as CreateProduct's <c>Idempotency-Key</c>.
    /// </summary>
    public byte[] Event(string productId, string? idempotencyKey = null)
    {
        var path = this == Get ? "/products/" + productId : "/products";
        var query = this == List ? "limit=10" : string.Empty;
        var now = DateTimeOffset.UtcNow;
        var headers = new JsonObject { ["accept"] = "application/json", ["host"] = "127.0.0.1" };
        var request = new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = RouteKey,
            ["rawPath"] = path,
            ["rawQueryString"] = query,
            ["headers"] = headers,
            ["requestContext"] = new JsonObject
            {
                ["accountId"] = "123456789012",
                ["apiId"] = "bench",
                ["domainName"] = "127.0.0.1",
                ["domainPrefix"] = "127",
                ["http"] = new JsonObject
                {
                    ["method"] = Method,
                    ["path"] = path,
                    ["protocol"] = "HTTP/1.1",
                    ["sourceIp"] = "127.0.0.1",
                    ["userAgent"] = "Products.Bench",
                },
                ["requestId"] = "bench",
                ["routeKey"] = RouteKey,
                ["stage"] = "$default",
                ["time"] = now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", System.Globalization.CultureInfo.InvariantCulture),
                ["timeEpoch"] = now.ToUnixTimeMilliseconds(),
            },
            ["isBase64Encoded"] = false,
        };
        if (this == List)
        {
            request["queryStringParameters"] = new JsonObject { ["limit"] = "10" };
        }

        if (this == Get)
        {
            request["pathParameters"] = new JsonObject { ["id"] = productId };
        }

        if (this == Create)
        {
            // POST /products is behind the JWT authorizer: the event carries the caller's token and, as API Gateway
            // passes them after verifying it, its claims (all strings) and scopes.
            headers["authorization"] = "Bearer " + WriterToken.Value;
            ((JsonObject)request["requestContext"]!)["authorizer"] = new JsonObject
            {
                ["jwt"] = new JsonObject
                {
                    ["claims"] = new JsonObject
                    {
                        ["aud"] = LocalIssuer.Audience,
                        ["exp"] = (now.ToUnixTimeSeconds() + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["iat"] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["iss"] = LocalIssuer.Issuer,
                        ["scope"] = "products/write",
                        ["sub"] = "bench",
                        ["token_use"] = "access",
                    },
                    ["scopes"] = new JsonArray("products/write"),
                },
            };
            headers["content-type"] = "application/json";
            if (idempotencyKey is not null)
            {
                headers["idempotency-key"] = idempotencyKey;
            }

            request["body"] = """{"name":"Bench lamp","price":24.99,"category":"Bench","description":"Created by the benchmark"}""";
        }

        return Encoding.UTF8.GetBytes(request.ToJsonString());
    }
}
