namespace Products.Package;

/// <summary>One <c>build-&lt;LogicalId&gt;</c> target of a resource's Makefile, the target sam build runs.</summary>
internal sealed record BuildTarget(string LogicalId, string Makefile, BuildTargetKind Kind)
{
    public string MakeTarget => "build-" + LogicalId;
}
