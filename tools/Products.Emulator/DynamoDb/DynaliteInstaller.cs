using System.Security.Cryptography;
using System.Text;
using Products.Tooling;

namespace Products.Emulator.DynamoDb;

/// <summary>
/// Installs the pinned dynalite with <c>npm ci</c> when its node_modules is missing. Several test assemblies start at
/// once, so installs are serialized across processes by an exclusive lock file; whoever waits re-checks and skips.
/// </summary>
internal static class DynaliteInstaller
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LockPollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The script dynalite's package runs as its command line.</summary>
    public static string CliPath(string packageDirectory) =>
        Path.Combine(packageDirectory, "node_modules", "dynalite", "cli.js");

    /// <exception cref="DynaliteException">npm is missing or <c>npm ci</c> failed.</exception>
    public static async Task EnsureInstalledAsync(string packageDirectory, CancellationToken ct)
    {
        if (IsInstalled(packageDirectory))
        {
            return;
        }

        await using var installLock = await AcquireLockAsync(LockPath(packageDirectory), ct);
        if (IsInstalled(packageDirectory))
        {
            return;
        }

        await RunNpmCiAsync(packageDirectory, ct);
        if (!IsInstalled(packageDirectory))
        {
            throw new DynaliteException($"npm ci finished but {CliPath(packageDirectory)} is missing.");
        }
    }

    // npm writes node_modules/.package-lock.json last, so its presence means an install ran to the end (an install
    // killed halfway leaves cli.js without it, and is redone).
    private static bool IsInstalled(string packageDirectory) =>
        File.Exists(CliPath(packageDirectory))
        && File.Exists(Path.Combine(packageDirectory, "node_modules", ".package-lock.json"));

    // In the temp folder, not the checkout: nothing to ignore in git. Keyed by the folder so checkouts do not contend.
    private static string LockPath(string packageDirectory)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(packageDirectory)));
        return Path.Combine(Path.GetTempPath(), $"products-dynalite-install-{Convert.ToHexStringLower(hash)[..16]}.lock");
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive flock on Unix, honoured by every .NET process.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(LockPollInterval, ct);
            }
            catch (IOException e)
            {
                throw new DynaliteException(
                    $"Waited {LockTimeout.TotalMinutes:0} minutes for another process installing dynalite (lock {path}).", e);
            }
        }
    }

    private static async Task RunNpmCiAsync(string packageDirectory, CancellationToken ct)
    {
        try
        {
            await CommandRunner.RunAsync(
                OperatingSystem.IsWindows() ? "npm.cmd" : "npm", ["ci", "--no-audit", "--no-fund"], packageDirectory, environment: null, log: null, ct);
        }
        catch (CommandFailedException e) when (e.NotFound)
        {
            throw new DynaliteException(
                "npm was not found on PATH. Install Node.js 20 or later (it includes npm) to run the local DynamoDB engine.", e);
        }
        catch (CommandFailedException e)
        {
            throw new DynaliteException(e.Message, e);
        }
    }
}
