namespace Products.Emulator.Template;

/// <summary>An <c>AWS::Serverless::HttpApi</c>, or the implicit <c>ServerlessHttpApi</c> (<see cref="IsImplicit"/>).</summary>
/// <param name="StageName">The stage; SAM's default is <c>$default</c> (no path prefix).</param>
/// <param name="Cors">Null when the API has no CorsConfiguration.</param>
public sealed record HttpApiDefinition(string LogicalId, string StageName, CorsDefinition? Cors, bool IsImplicit)
{
    public const string DefaultStageName = "$default";

    /// <summary>The stage's DefaultRouteSettings throttling, or null when the account's limits apply.</summary>
    public ThrottleSettings? DefaultThrottling { get; init; }
}
