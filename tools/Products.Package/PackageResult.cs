namespace Products.Package;

// One zip written: what it deploys, where it is, how big it is.
public sealed record PackageResult(string Name, BuildTargetKind Kind, bool Fat, string ZipPath, long Bytes, int Files)
{
    public double Kilobytes => Bytes / 1024.0;
}
