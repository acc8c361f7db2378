namespace Products.Emulator.Template;

/// <summary>What a YAML scalar is under the YAML core schema: quoted scalars are always strings.</summary>
public enum ScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}
