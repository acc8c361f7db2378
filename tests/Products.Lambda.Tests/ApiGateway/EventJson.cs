using System.Text;
using System.Text.Json.Nodes;
using Products.Lambda.ApiGateway;

namespace Products.Lambda.Tests.ApiGateway;

/// <summary>Small helpers to vary a sample event and parse it.</summary>
internal static class EventJson
{
    public static string With(string json, Action<JsonObject> change)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    public static ApiRequest Parse(string json)
    {
        var parsed = ApiGatewayEvent.TryParse(Encoding.UTF8.GetBytes(json), out var request, out var problem);
        Assert.True(parsed, problem);
        return request!;
    }

    public static string Problem(string json)
    {
        var parsed = ApiGatewayEvent.TryParse(Encoding.UTF8.GetBytes(json), out var request, out var problem);
        Assert.False(parsed);
        Assert.Null(request);
        Assert.False(string.IsNullOrWhiteSpace(problem));
        return problem;
    }

    public static string NewRequestId() => Guid.NewGuid().ToString();
}
