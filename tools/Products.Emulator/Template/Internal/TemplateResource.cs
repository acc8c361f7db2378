namespace Products.Emulator.Template.Internal;

/// <summary>
/// One entry of <c>Resources</c> before resolution: its <see cref="Properties"/> already carry the SAM Globals merge,
/// and still hold intrinsic functions.
/// </summary>
internal sealed record TemplateResource(
    string LogicalId,
    string Type,
    TemplateMapping Properties,
    string? Condition,
    TemplateMapping Definition)
{
    public string Path => $"Resources.{LogicalId}";
}
