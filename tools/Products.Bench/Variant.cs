namespace Products.Bench;

/// <summary>One way of building and running the same function.</summary>
/// <param name="Id">Short name for the command line.</param>
/// <param name="Label">Name in the report.</param>
public sealed record Variant(string Id, string Label, bool IsDotnet)
{
    /// <summary>What ships: the function package on the layer's ReadyToRun runtime package store.</summary>
    public static readonly Variant LayeredReadyToRun = new("r2r", "layered R2R", IsDotnet: true);

    /// <summary>The same function published with NATIVE_AOT=1.</summary>
    public static readonly Variant NativeAot = new("aot", "Native AOT", IsDotnet: true);

    /// <summary>tools/node-peer under aws-lambda-ric: the baseline every ratio is against.</summary>
    public static readonly Variant Node = new("node", "Node.js 20 peer", IsDotnet: false);

    public static readonly IReadOnlyList<Variant> All = [LayeredReadyToRun, NativeAot, Node];
}
