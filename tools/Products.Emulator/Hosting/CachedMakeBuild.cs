using System.Diagnostics;
using Products.Tooling;

namespace Products.Emulator.Hosting;

/// <summary>
/// Runs <c>make build-&lt;LogicalId&gt;</c> into an artifacts folder the way <c>sam build</c> does (ARTIFACTS_DIR), and
/// skips it when a stamp next to the folder says it was built from the same sources.
/// </summary>
public static class CachedMakeBuild
{
    /// <param name="buildRoot">Folder holding <c>&lt;LogicalId&gt;/</c> and <c>&lt;LogicalId&gt;.stamp</c>.</param>
    /// <param name="variant">Shown after the logical id in progress lines (e.g. " Native AOT"); empty for the default build.</param>
    /// <param name="variables">Make variables besides ARTIFACTS_DIR, which this sets.</param>
    public static async Task<string> RunAsync(
        string buildRoot,
        string logicalId,
        string variant,
        string sourceDirectory,
        IReadOnlyDictionary<string, string> variables,
        string fingerprint,
        Action<string> output,
        CancellationToken ct)
    {
        var artifacts = Path.Combine(buildRoot, logicalId);
        var stamp = Path.Combine(buildRoot, logicalId + ".stamp");
        if (Directory.Exists(artifacts) && File.Exists(stamp) && await File.ReadAllTextAsync(stamp, ct) == fingerprint)
        {
            output($"build: {logicalId}{variant} up to date");
            return artifacts;
        }

        var settings = string.Concat(variables.Select(variable => $" {variable.Key}={variable.Value}"));
        output($"build: {logicalId}{variant} (make build-{logicalId}{settings}) ...");
        if (Directory.Exists(artifacts))
        {
            Directory.Delete(artifacts, recursive: true);
        }

        Directory.CreateDirectory(artifacts);
        File.Delete(stamp);
        var started = Stopwatch.GetTimestamp();
        await CommandRunner.RunAsync(
            "make",
            [$"build-{logicalId}"],
            sourceDirectory,
            new Dictionary<string, string>(variables) { ["ARTIFACTS_DIR"] = artifacts },
            log: null,
            ct);
        await File.WriteAllTextAsync(stamp, fingerprint, ct);
        output($"build: {logicalId}{variant} done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return artifacts;
    }
}
