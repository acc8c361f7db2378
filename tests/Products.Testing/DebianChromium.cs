using Products.Tooling;

namespace Products.Testing;

/// <summary>
/// Debian's <c>chromium</c> package for the browser tests, installed with apt-get when it is missing (as root, once: the
/// install is serialized across test processes by a lock file, and whoever waits re-checks and skips), the way the
/// dynalite fixture installs its npm package. Browser-automation tools never download a browser of their own here.
/// </summary>
public static class DebianChromium
{
    /// <summary>Where the package puts the browser.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private const string PackageLists = "/var/lib/apt/lists";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(15);

    private static readonly Dictionary<string, string> NonInteractive = new(StringComparer.Ordinal)
    {
        ["DEBIAN_FRONTEND"] = "noninteractive",
    };

    /// <summary>Installs the package when <see cref="ExecutablePath"/> is missing; returns that path.</summary>
    /// <exception cref="InvalidOperationException">Not Debian or not root (the message says what to run), or apt-get failed.</exception>
    public static async Task<string> EnsureInstalledAsync(CancellationToken ct = default)
    {
        if (File.Exists(ExecutablePath))
        {
            return ExecutablePath;
        }

        await using var installLock = await ExclusiveFileLock.AcquireAsync(Path.Combine(Path.GetTempPath(), "products-chromium-install.lock"), LockTimeout, ct);
        if (File.Exists(ExecutablePath))
        {
            return ExecutablePath;
        }

        if (!File.Exists("/usr/bin/apt-get") || Environment.UserName != "root")
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's chromium at {ExecutablePath}; install it as root: apt-get update && apt-get install -y chromium");
        }

        // A fresh machine may have no package lists; stale ones name versions the mirror no longer has: update, retry once.
        if (!HasPackageLists())
        {
            await AptGetAsync(["update"], ct);
        }

        try
        {
            await AptGetAsync(["install", "-y", "chromium"], ct);
        }
        catch (InvalidOperationException)
        {
            await AptGetAsync(["update"], ct);
            await AptGetAsync(["install", "-y", "chromium"], ct);
        }

        return File.Exists(ExecutablePath)
            ? ExecutablePath
            : throw new InvalidOperationException($"apt-get installed chromium but {ExecutablePath} is missing.");
    }

    private static bool HasPackageLists() =>
        Directory.Exists(PackageLists) && Directory.EnumerateFiles(PackageLists, "*_Packages*").Any();

    private static Task AptGetAsync(IReadOnlyList<string> arguments, CancellationToken ct) =>
        CommandRunner.RunAsync("apt-get", arguments, "/", NonInteractive, log: null, ct);
}
