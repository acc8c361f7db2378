namespace Products.Package;

// What a build target produces: a layer zip (extracted to /opt) or a function zip (/var/task).
internal enum BuildTargetKind
{
    Layer,
    Function,
}
