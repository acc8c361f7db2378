namespace Products.Package;

// What a build target produces: a layer zip (extracted to /opt) or a function zip (/var/task).
public enum BuildTargetKind
{
    Layer,
    Function,
}
