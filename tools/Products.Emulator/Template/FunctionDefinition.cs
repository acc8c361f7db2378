namespace Products.Emulator.Template;

/// <summary>
/// An <c>AWS::Serverless::Function</c> after the Globals merge and resolution, with SAM's defaults applied
/// (Timeout 3 s, MemorySize 128 MB, Architectures [x86_64]).
/// </summary>
/// <param name="CodeUri">As written in the template (relative to it); <see cref="CodePath"/> is the absolute folder.</param>
/// <param name="Environment">Environment.Variables, every value resolved to its string.</param>
/// <param name="Layers">Logical ids of the template's layers, in the order Lambda stacks them.</param>
/// <param name="Policies">The resolved Policies property (for least-privilege checks), or null.</param>
/// <param name="LogFormat">LoggingConfig.LogFormat: "Text" (the default) or "JSON".</param>
/// <param name="LogGroupName">LoggingConfig.LogGroup, or Lambda's default <c>/aws/lambda/&lt;FunctionName&gt;</c>.</param>
/// <param name="Properties">The whole resolved property tree.</param>
public sealed record FunctionDefinition(
    string LogicalId,
    string FunctionName,
    string FunctionArn,
    string CodeUri,
    string CodePath,
    string Handler,
    string Runtime,
    IReadOnlyList<string> Architectures,
    int Timeout,
    int MemorySize,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> Layers,
    IReadOnlyList<ApiRoute> Events,
    TemplateValue? Policies,
    string? Role,
    int? ReservedConcurrency,
    string LogFormat,
    string LogGroupName,
    string? BuildMethod,
    TemplateMapping Properties)
{
    public const int DefaultTimeoutSeconds = 3;
    public const int DefaultMemorySize = 128;

    /// <summary>
    /// AutoPublishAlias: SAM publishes a version on each deploy that changes the function and points this alias at it;
    /// API events invoke the alias. Null when the function is invoked as <c>$LATEST</c>.
    /// </summary>
    public string? PublishedAlias { get; init; }

    /// <summary>SnapStart ApplyOn is PublishedVersions: AWS resumes environments from a snapshot taken after init.</summary>
    public bool SnapStart { get; init; }

    /// <summary>ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions on the alias, or null.</summary>
    public int? ProvisionedConcurrency { get; init; }
}
