using System.Text;
using System.Text.Json.Nodes;

namespace Products.Testing.Events;

/// <summary>
/// Builds API Gateway proxy events the way AWS documents them ("Working with AWS Lambda proxy integrations for HTTP
/// APIs", payload format 2.0; "Set up Lambda proxy integrations in API Gateway", REST payload 1.0).
/// </summary>
public static class ApiEvents
{
    public static byte[] Build(ApiEventRequest request, PayloadVersion version, string requestId) =>
        Encoding.UTF8.GetBytes((version == PayloadVersion.V2 ? V2(request, requestId) : V1(request, requestId)).ToJsonString());

    private static JsonObject V2(ApiEventRequest request, string requestId)
    {
        var headers = new JsonObject();
        foreach (var group in (request.Headers ?? []).GroupBy(h => h.Key.ToLowerInvariant()))
        {
            headers[group.Key] = string.Join(',', group.Select(h => h.Value));
        }

        var query = request.Query ?? [];
        var queryObject = new JsonObject();
        foreach (var group in query.GroupBy(q => q.Key))
        {
            queryObject[group.Key] = string.Join(',', group.Select(q => q.Value));
        }

        return new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = request.RouteKey,
            ["rawPath"] = request.Path,
            ["rawQueryString"] = string.Join('&', query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value))),
            ["headers"] = headers,
            ["queryStringParameters"] = query.Count == 0 ? null : queryObject,
            ["pathParameters"] = ToObject(request.PathParameters),
            ["requestContext"] = new JsonObject
            {
                ["accountId"] = "123456789012",
                ["apiId"] = "local",
                ["domainName"] = "localhost",
                ["http"] = new JsonObject
                {
                    ["method"] = request.Method,
                    ["path"] = request.Path,
                    ["protocol"] = "HTTP/1.1",
                    ["sourceIp"] = "127.0.0.1",
                    ["userAgent"] = "tests",
                },
                ["requestId"] = requestId,
                ["routeKey"] = request.RouteKey,
                ["stage"] = "$default",
                ["timeEpoch"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                ["authorizer"] = request.Claims is null
                    ? null
                    : new JsonObject
                    {
                        ["jwt"] = new JsonObject { ["claims"] = ToObject(request.Claims), ["scopes"] = Scopes(request) },
                    },
            },
            ["body"] = Body(request),
            ["isBase64Encoded"] = request.Base64Body,
        };
    }

    private static JsonObject V1(ApiEventRequest request, string requestId)
    {
        var headers = new JsonObject();
        var multiHeaders = new JsonObject();
        foreach (var group in (request.Headers ?? []).GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            headers[group.Key] = group.Last().Value;
            multiHeaders[group.Key] = new JsonArray([.. group.Select(h => (JsonNode?)h.Value)]);
        }

        var query = request.Query ?? [];
        var single = new JsonObject();
        var multi = new JsonObject();
        foreach (var group in query.GroupBy(q => q.Key))
        {
            single[group.Key] = group.Last().Value;
            multi[group.Key] = new JsonArray([.. group.Select(q => (JsonNode?)q.Value)]);
        }

        var resource = request.RouteKey[(request.RouteKey.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        return new JsonObject
        {
            ["version"] = "1.0",
            ["resource"] = resource,
            ["path"] = request.Path,
            ["httpMethod"] = request.Method,
            ["headers"] = headers,
            ["multiValueHeaders"] = multiHeaders,
            ["queryStringParameters"] = query.Count == 0 ? null : single,
            ["multiValueQueryStringParameters"] = query.Count == 0 ? null : multi,
            ["pathParameters"] = ToObject(request.PathParameters),
            ["stageVariables"] = null,
            ["requestContext"] = new JsonObject
            {
                ["accountId"] = "123456789012",
                ["apiId"] = "local",
                ["httpMethod"] = request.Method,
                ["path"] = "/dev" + request.Path,
                ["resourcePath"] = resource,
                ["requestId"] = requestId,
                ["stage"] = "dev",
                ["identity"] = new JsonObject { ["sourceIp"] = "127.0.0.1", ["userAgent"] = "tests" },
                ["authorizer"] = request.Claims is null
                    ? null
                    : new JsonObject { ["claims"] = ToObject(request.Claims), ["scopes"] = Scopes(request) },
            },
            ["body"] = Body(request),
            ["isBase64Encoded"] = request.Base64Body,
        };
    }

    private static JsonArray? Scopes(ApiEventRequest request) =>
        request.Scopes is null ? null : new JsonArray([.. request.Scopes.Select(scope => (JsonNode?)scope)]);

    private static string? Body(ApiEventRequest request) =>
        request.Body is null ? null
        : request.Base64Body ? Convert.ToBase64String(Encoding.UTF8.GetBytes(request.Body))
        : request.Body;

    private static JsonObject? ToObject(IReadOnlyDictionary<string, string>? values)
    {
        if (values is null)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var (key, value) in values)
        {
            result[key] = value;
        }

        return result;
    }
}
