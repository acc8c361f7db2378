using System.Text.Json;

namespace Products.Lambda.ApiGateway.Internal;

/// <summary>
/// <c>requestContext.authorizer.jwt</c> of a payload format 2.0 event: <c>claims</c> (an object, values strings) and
/// <c>scopes</c> (an array, or null when the route requires none). Kept as raw JSON so an unexpected shape is ignored
/// instead of failing the whole event.
/// </summary>
internal sealed record HttpApiV2JwtAuthorizer
{
    public JsonElement Claims { get; init; }

    public JsonElement Scopes { get; init; }
}
