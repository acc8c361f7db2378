namespace Products.Emulator.Template;

/// <summary>Where a parameter's value came from, so a rejected value can be traced.</summary>
public enum ParameterSource
{
    Default,
    SamConfig,
    Override,
}
