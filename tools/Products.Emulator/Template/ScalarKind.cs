namespace Products.Local.Template;

/// <summary>What a YAML scalar is under the YAML core schema: quoted scalars are always strings.</summary>
internal enum ScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}
