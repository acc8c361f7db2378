namespace Products.Emulator.Template;

/// <summary>
/// template.yaml as the local emulator runs it: one stack, its parameters resolved, the resources whose conditions hold,
/// every intrinsic function resolved. Built by <see cref="TemplateLoader"/>.
/// </summary>
/// <param name="Stage">The samconfig.toml environment the run uses (e.g. "prod"), or null.</param>
/// <param name="Conditions">Every declared condition's value.</param>
/// <param name="Resources">Every created resource, resolved (emulated or not).</param>
/// <param name="NotEmulated">Resources accepted but not emulated, for the emulator to list at start.</param>
/// <param name="Outputs">Outputs whose conditions hold, resolved to strings.</param>
/// <param name="Warnings">Things that work locally but deserve a look before deploying.</param>
public sealed record LocalTemplate(
    string StackName,
    string? Stage,
    string Region,
    string AccountId,
    IReadOnlyDictionary<string, ResolvedParameter> Parameters,
    IReadOnlyDictionary<string, bool> Conditions,
    IReadOnlyList<FunctionDefinition> Functions,
    IReadOnlyList<TableDefinition> Tables,
    IReadOnlyList<HttpApiDefinition> HttpApis,
    IReadOnlyList<RestApiDefinition> RestApis,
    IReadOnlyList<SsmParameterDefinition> SsmParameters,
    IReadOnlyList<SecretDefinition> Secrets,
    IReadOnlyList<LayerDefinition> Layers,
    IReadOnlyList<ResolvedResource> Resources,
    IReadOnlyList<NotEmulatedResource> NotEmulated,
    IReadOnlyDictionary<string, string> Outputs,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The account id every local ARN uses.</summary>
    public const string LocalAccountId = "123456789012";

    public const string DefaultRegion = "us-east-1";

    public FunctionDefinition Function(string logicalId) =>
        Functions.FirstOrDefault(function => function.LogicalId == logicalId)
        ?? throw new KeyNotFoundException($"no function '{logicalId}' in the template");

    public TableDefinition Table(string logicalId) =>
        Tables.FirstOrDefault(table => table.LogicalId == logicalId)
        ?? throw new KeyNotFoundException($"no table '{logicalId}' in the template");
}
