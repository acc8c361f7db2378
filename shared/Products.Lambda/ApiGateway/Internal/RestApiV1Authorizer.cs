using System.Text.Json;

namespace Products.Lambda.ApiGateway.Internal;

/// <summary>
/// <c>requestContext.authorizer</c> of a payload format 1.0 event. A Cognito user pool authorizer (REST API) and a JWT
/// authorizer (HTTP API with payload 1.0) put the token's claims in <c>claims</c>; the latter adds <c>scopes</c>. A Lambda
/// authorizer puts its own context keys here instead, so both stay raw JSON: a key that happens to be named
/// <c>claims</c> with another shape is ignored rather than failing the event.
/// </summary>
internal sealed record RestApiV1Authorizer
{
    public JsonElement Claims { get; init; }

    public JsonElement Scopes { get; init; }
}
