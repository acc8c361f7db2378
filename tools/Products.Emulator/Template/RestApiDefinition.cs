namespace Products.Emulator.Template;

/// <summary>An <c>AWS::Serverless::Api</c> (REST), or the implicit <c>ServerlessRestApi</c> whose stage is <c>Prod</c>.</summary>
public sealed record RestApiDefinition(string LogicalId, string StageName, CorsDefinition? Cors, bool IsImplicit)
{
    public const string ImplicitStageName = "Prod";
}
