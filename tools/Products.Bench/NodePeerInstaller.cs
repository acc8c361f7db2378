using Products.Tooling;


namespace Products.Bench;

/// <summary>Installs tools/node-peer's pinned packages with <c>npm ci</c> when they are missing (about 2 minutes: aws-lambda-ric builds native code).</summary>
internal static class NodePeerInstaller
{
    public static string Directory(string repositoryRoot) => Path.Combine(repositoryRoot, "tools", "node-peer");

    /// <summary>The runtime client's entry point, started with <c>node</c> the way tools/node-peer/README.md says.</summary>
    public static string RuntimeClient(string repositoryRoot) =>
        Path.Combine(Directory(repositoryRoot), "node_modules", "aws-lambda-ric", "index.mjs");

    public static async Task EnsureAsync(string repositoryRoot, Action<string> report, CancellationToken ct)
    {
        var directory = Directory(repositoryRoot);
        // npm writes node_modules/.package-lock.json last, once every install script has run.
        if (File.Exists(RuntimeClient(repositoryRoot)) && File.Exists(Path.Combine(directory, "node_modules", ".package-lock.json")))
        {
            report("build: node peer up to date");
            return;
        }

        report("build: node peer (npm ci: aws-lambda-ric compiles native code, about 2 minutes) ...");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await CommandRunner.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], directory, environment: null, log: null, ct);
        report($"build: node peer done in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
    }
}
