namespace Products.Local.Template;

/// <summary>An <c>AWS::Serverless::Api</c> (REST), or the implicit <c>ServerlessRestApi</c> whose stage is <c>Prod</c>.</summary>
internal sealed record RestApiDefinition(string LogicalId, string StageName, CorsDefinition? Cors, bool IsImplicit)
{
    public const string ImplicitStageName = "Prod";
}
