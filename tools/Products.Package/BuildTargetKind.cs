namespace Products.Package;

/// <summary>What a build target produces: a layer zip (extracted to /opt) or a function zip (/var/task).</summary>
internal enum BuildTargetKind
{
    Layer,
    Function,
}
