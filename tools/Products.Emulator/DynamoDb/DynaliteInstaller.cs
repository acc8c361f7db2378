using Products.Emulator.Npm;

namespace Products.Emulator.DynamoDb;

/// <summary>Installs the pinned dynalite (tools/dynamodb-local) with <c>npm ci</c> when its node_modules is missing.</summary>
internal static class DynaliteInstaller
{
    private static readonly string CliRelativePath = Path.Combine("node_modules", "dynalite", "cli.js");

    /// <summary>The script dynalite's package runs as its command line.</summary>
    public static string CliPath(string packageDirectory) => Path.Combine(packageDirectory, CliRelativePath);

    /// <exception cref="DynaliteException">npm is missing or <c>npm ci</c> failed.</exception>
    public static async Task EnsureInstalledAsync(string packageDirectory, CancellationToken ct)
    {
        try
        {
            await NpmPackageInstaller.EnsureInstalledAsync(packageDirectory, CliRelativePath, ignoreScripts: false, ct);
        }
        catch (NpmInstallException e)
        {
            throw new DynaliteException($"dynalite could not be installed: {e.Message}", e);
        }
    }
}
