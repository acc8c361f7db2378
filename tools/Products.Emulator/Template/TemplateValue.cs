namespace Products.Emulator.Template;

/// <summary>
/// One node of a template tree: a scalar, a sequence or a mapping. The same model carries the raw YAML (where intrinsic
/// functions are one-key mappings such as <c>{"Fn::Sub": ...}</c>, the long form) and the resolved tree (no intrinsics).
/// </summary>
public abstract record TemplateValue
{
    /// <summary>Writes this value as JSON (CloudFormation's own model is JSON; YAML is a spelling of it).</summary>
    public string ToJson() => TemplateJson.Write(this);
}
