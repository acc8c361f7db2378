using System.Security.Cryptography;
using System.Text;
using Products.Tooling;

namespace Products.Emulator.Npm;

/// <summary>
/// Installs a pinned package folder of the repository (package.json + package-lock.json) with <c>npm ci</c> when its
/// node_modules is missing or incomplete. Several processes start at once (test assemblies, the CLI), so installs are
/// serialized across processes by an exclusive lock file; whoever waits re-checks and skips.
/// </summary>
public static class NpmPackageInstaller
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);

    /// <param name="packageDirectory">The folder holding package.json and package-lock.json.</param>
    /// <param name="requiredFile">A file the install must leave behind (relative to the folder), e.g. a package's entry point.</param>
    /// <param name="ignoreScripts">Skip the packages' install scripts (<c>npm ci --ignore-scripts</c>).</param>
    /// <param name="ct">Cancels waiting for the lock and kills a running npm.</param>
    /// <exception cref="NpmInstallException">npm is missing, another install held the lock too long, or <c>npm ci</c> failed.</exception>
    public static async Task EnsureInstalledAsync(string packageDirectory, string requiredFile, bool ignoreScripts, CancellationToken ct)
    {
        if (IsInstalled(packageDirectory, requiredFile))
        {
            return;
        }

        FileStream installLock;
        try
        {
            installLock = await ExclusiveFileLock.AcquireAsync(LockPath(packageDirectory), LockTimeout, ct).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new NpmInstallException($"{e.Message} (another process running npm ci)", e);
        }

        await using var heldLock = installLock;
        if (IsInstalled(packageDirectory, requiredFile))
        {
            return;
        }

        await RunNpmCiAsync(packageDirectory, ignoreScripts, ct).ConfigureAwait(false);
        if (!IsInstalled(packageDirectory, requiredFile))
        {
            throw new NpmInstallException($"npm ci finished but {Path.Combine(packageDirectory, requiredFile)} is missing.");
        }
    }

    // npm writes node_modules/.package-lock.json last, so its presence means an install ran to the end (an install
    // killed halfway leaves the package's files without it, and is redone).
    private static bool IsInstalled(string packageDirectory, string requiredFile) =>
        File.Exists(Path.Combine(packageDirectory, requiredFile))
        && File.Exists(Path.Combine(packageDirectory, "node_modules", ".package-lock.json"));

    // In the temp folder, not the checkout: nothing to ignore in git. Keyed by the folder so checkouts do not contend.
    private static string LockPath(string packageDirectory)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(packageDirectory)));
        return Path.Combine(Path.GetTempPath(), $"products-npm-install-{Convert.ToHexStringLower(hash)[..16]}.lock");
    }

    private static async Task RunNpmCiAsync(string packageDirectory, bool ignoreScripts, CancellationToken ct)
    {
        string[] arguments = ignoreScripts ? ["ci", "--no-audit", "--no-fund", "--ignore-scripts"] : ["ci", "--no-audit", "--no-fund"];
        try
        {
            await CommandRunner.RunAsync(
                OperatingSystem.IsWindows() ? "npm.cmd" : "npm", arguments, packageDirectory, environment: null, log: null, ct).ConfigureAwait(false);
        }
        catch (CommandFailedException e) when (e.NotFound)
        {
            throw new NpmInstallException("npm was not found on PATH. Install Node.js 20 or later (it includes npm).", e);
        }
        catch (CommandFailedException e)
        {
            throw new NpmInstallException(e.Message, e);
        }
    }
}
