using Products.Emulator.Hosting;

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
        var fingerprint = FunctionBuilder.SourceFingerprint(repositoryRoot, "x86_64");
        return await CachedMakeBuild.RunAsync(
            buildRoot,
            logicalId,
            variant: " Native AOT",
            codeDirectory,
            new Dictionary<string, string> { ["NATIVE_AOT"] = "1" },
            fingerprint,
            report,
            ct);
    }
}
