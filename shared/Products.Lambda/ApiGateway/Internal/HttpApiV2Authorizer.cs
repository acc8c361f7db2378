namespace Products.Lambda.ApiGateway.Internal;

/// <summary>
/// <c>requestContext.authorizer</c> of a payload format 2.0 event. Only the JWT authorizer's part is read; the
/// <c>lambda</c> and <c>iam</c> parts of other authorizer types are ignored.
/// </summary>
internal sealed record HttpApiV2Authorizer
{
    public HttpApiV2JwtAuthorizer? Jwt { get; init; }
}
