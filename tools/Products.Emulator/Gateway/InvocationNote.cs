namespace Products.Emulator.Gateway;

/// <summary>What the access log says about the function side of a request: which function, cold or warm, and what went wrong.</summary>
internal sealed record InvocationNote(string? FunctionLogicalId, bool? ColdStart, TimeSpan? InitDuration, string? Error)
{
    public static InvocationNote None { get; } = new(null, null, null, null);

    public static InvocationNote Failed(string? functionLogicalId, string error) => new(functionLogicalId, null, null, error);

    /// <summary>How long the route's JWT authorizer took; null on a public route.</summary>
    public TimeSpan? AuthorizerDuration { get; init; }
}
