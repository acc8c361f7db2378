using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Products.Tooling;

namespace Products.Contract.Tests;

/// <summary>
/// A folder of pinned npm packages (package.json + package-lock.json), installed with <c>npm ci</c> when its
/// node_modules is missing or incomplete, as the dynalite fixture installs tools/dynamodb-local. Installs are
/// serialized across processes by an exclusive lock file; whoever waits re-checks and skips.
/// </summary>
internal static class NpmFolder
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);

    /// <param name="folder">The folder holding package.json and package-lock.json.</param>
    /// <param name="entryPoint">A file the install provides, relative to the folder: its presence means installed.</param>
    public static async Task EnsureInstalledAsync(string folder, string entryPoint)
    {
        if (IsInstalled(folder, entryPoint))
        {
            return;
        }

        await using var installLock = await AcquireLockAsync(folder);
        if (IsInstalled(folder, entryPoint))
        {
            return;
        }

        var (exitCode, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], folder, new Dictionary<string, string>());
        Assert.True(exitCode == 0, $"npm ci failed in {folder} (exit code {exitCode}):\n{output}");
        Assert.True(IsInstalled(folder, entryPoint), $"npm ci finished but {entryPoint} is missing in {folder}");
    }

    /// <summary>Runs a program to its end: exit code and stdout + stderr together.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string program, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, (await output) + (await error));
    }

    // npm writes node_modules/.package-lock.json last: with it, an install ran to its end.
    private static bool IsInstalled(string folder, string entryPoint) =>
        File.Exists(Path.Combine(folder, entryPoint))
        && File.Exists(Path.Combine(folder, "node_modules", ".package-lock.json"));

    private static Task<FileStream> AcquireLockAsync(string folder)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(folder)));
        var path = Path.Combine(Path.GetTempPath(), $"products-npm-install-{Convert.ToHexStringLower(hash)[..16]}.lock");
        return ExclusiveFileLock.AcquireAsync(path, LockTimeout, CancellationToken.None);
    }
}
