namespace Products.Local.Template;

/// <summary>Where a parameter's value came from, so a rejected value can be traced.</summary>
internal enum ParameterSource
{
    Default,
    SamConfig,
    Override,
}
