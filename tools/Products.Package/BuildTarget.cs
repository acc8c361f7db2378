namespace Products.Package;

// One build-<LogicalId> target of a resource's Makefile, the target sam build runs.
public sealed record BuildTarget(string LogicalId, string Makefile, BuildTargetKind Kind)
{
    public string MakeTarget => "build-" + LogicalId;
}
