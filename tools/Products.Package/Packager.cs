using Products.Tooling;

namespace Products.Package;

// Builds each target into its own ARTIFACTS_DIR (OUT/build/<LogicalId>) through its Makefile and zips it to
// OUT/<LogicalId>.zip, the same artifacts sam build and sam package produce. With IncludeFat, also each function
// the classic way (Makefile target publish-fat) into OUT/fat. Make's output goes to the log as it comes.
public sealed class Packager(TextWriter log)
{
    private readonly TextWriter _log = TextWriter.Synchronized(log);

    public const string FatTarget = "publish-fat";

    public async Task<IReadOnlyList<PackageResult>> PackageAsync(
        IReadOnlyList<BuildTarget> targets, PackageOptions options, CancellationToken cancellationToken)
    {
        var results = new List<PackageResult>();
        foreach (var target in targets.OrderBy(t => t.Kind))
        {
            results.Add(await BuildAndZipAsync(target, target.MakeTarget, fat: false, options, cancellationToken));
        }

        if (options.IncludeFat)
        {
            foreach (var target in targets.Where(t => t.Kind == BuildTargetKind.Function))
            {
                results.Add(await BuildAndZipAsync(target, FatTarget, fat: true, options, cancellationToken));
            }
        }

        return results;
    }

    private async Task<PackageResult> BuildAndZipAsync(
        BuildTarget target, string makeTarget, bool fat, PackageOptions options, CancellationToken cancellationToken)
    {
        var root = fat ? Path.Combine(options.OutputDirectory, "fat") : options.OutputDirectory;
        var artifacts = Path.Combine(root, "build", target.LogicalId);
        if (Directory.Exists(artifacts))
        {
            Directory.Delete(artifacts, recursive: true);
        }

        Directory.CreateDirectory(artifacts);
        var environment = new Dictionary<string, string>
        {
            ["ARTIFACTS_DIR"] = artifacts,
            ["ARCHITECTURE"] = options.Architecture,
        };
        if (options.SharedLayerCache is not null)
        {
            environment["SHARED_LAYER_CACHE"] = options.SharedLayerCache;
        }

        await MakeAsync(target.Makefile, makeTarget, environment, cancellationToken);
        return await ZipPackager.CreateAsync(
            target.LogicalId, target.Kind, fat, artifacts, Path.Combine(root, target.LogicalId + ".zip"), cancellationToken);
    }

    // The way sam build's makefile build method runs a target (aws-lambda-builders, CustomMakeAction):
    // make --makefile <Makefile> <target> with ARTIFACTS_DIR in the environment, here in the Makefile's own folder as
    // with build_in_source.
    private async Task MakeAsync(
        string makefile, string target, Dictionary<string, string> environment, CancellationToken cancellationToken)
    {
        // MSBuild worker nodes and the compiler server outlive a build and would hold make's output pipes open, so the
        // wait for its end would never see them close.
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["UseSharedCompilation"] = "false";
        try
        {
            await CommandRunner.RunAsync(
                "make", ["--makefile", makefile, target], Path.GetDirectoryName(makefile)!, environment, _log.WriteLine, cancellationToken);
        }
        catch (CommandFailedException failure)
        {
            throw new PackagingException(failure.NotFound ? "cannot run make: is it installed and on PATH?" : failure.Message, failure);
        }
    }
}
