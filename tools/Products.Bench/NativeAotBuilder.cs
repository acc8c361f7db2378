using Products.Local.Hosting;

namespace Products.Bench;

/// <summary>
/// Builds a function with the same Makefile target <c>sam build</c> runs, with <c>NATIVE_AOT=1</c>
/// (functions/function.mk), into .products-local/bench/aot; skipped when no source changed since.
/// </summary>
internal static class NativeAotBuilder
{
    public static async Task<string> BuildAsync(
        string repositoryRoot, string logicalId, string codeDirectory, Action<string> report, CancellationToken ct)
    {
        var buildRoot = Path.Combine(repositoryRoot, ".products-local", "bench", "aot");
        var artifacts = Path.Combine(buildRoot, logicalId);
        var stamp = artifacts + ".stamp";
        var fingerprint = FunctionBuilder.SourceFingerprint(repositoryRoot, "x86_64");
        if (Directory.Exists(artifacts) && File.Exists(stamp) && await File.ReadAllTextAsync(stamp, ct) == fingerprint)
        {
            report($"build: {logicalId} Native AOT up to date");
            return artifacts;
        }

        report($"build: {logicalId} Native AOT (make build-{logicalId} NATIVE_AOT=1) ...");
        if (Directory.Exists(artifacts))
        {
            Directory.Delete(artifacts, recursive: true);
        }

        Directory.CreateDirectory(artifacts);
        File.Delete(stamp);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await CommandRunner.RunAsync(
            "make",
            [$"build-{logicalId}"],
            codeDirectory,
            new Dictionary<string, string> { ["ARTIFACTS_DIR"] = artifacts, ["NATIVE_AOT"] = "1" },
            ct);
        await File.WriteAllTextAsync(stamp, fingerprint, ct);
        report($"build: {logicalId} Native AOT done in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return artifacts;
    }
}
