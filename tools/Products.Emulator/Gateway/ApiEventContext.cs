namespace Products.Emulator.Gateway;

/// <summary>
/// What the gateway, not the client, contributes to an event: stage, request id (also sent back as
/// <c>apigw-requestid</c>), arrival time, API and account ids, the domain name, and the X-Ray style trace id added
/// as <c>x-amzn-trace-id</c> when the client sent none.
/// </summary>
internal sealed record ApiEventContext(
    string Stage,
    string RequestId,
    DateTimeOffset Time,
    string ApiId,
    string AccountId,
    string DomainName,
    string TraceId)
{
    /// <summary>What the route's JWT authorizer passes on (claims, scopes); null on a public route.</summary>
    public Auth.AuthorizationResult.Allowed? Authorizer { get; init; }
}
