using Products.Emulator.Npm;
using Products.Testing;

namespace Products.Contract.Tests;

/// <summary>
/// openapi.yaml lints clean with Redocly CLI (pinned in tools/openapi-lint, installed with <c>npm ci</c> on first use):
/// the recommended-strict ruleset, so every finding is an error and fails the run. No telemetry, no update check, no
/// remote configuration.
/// </summary>
public sealed class OpenApiLintTests
{
    private static readonly string LintFolder = Path.Combine(RepositoryRoot.Path, "tools", "openapi-lint");
    private const string Cli = "node_modules/@redocly/cli/bin/cli.js";

    [Fact]
    public async Task OpenApiDocument_LintsWithoutErrorsOrWarnings()
    {
        await NpmPackageInstaller.EnsureInstalledAsync(LintFolder, Cli, ignoreScripts: false, CancellationToken.None);

        var (exitCode, output) = await ProgramRun.RunAsync(
            "node",
            [Cli, "lint", Path.Combine(RepositoryRoot.Path, "openapi.yaml"), "--config", "redocly.yaml", "--format", "stylish"],
            LintFolder,
            new Dictionary<string, string>
            {
                ["REDOCLY_TELEMETRY"] = "off",
                ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true",
                ["NO_COLOR"] = "1",
            });

        Assert.True(exitCode == 0, $"redocly lint exited {exitCode}:\n{output}");
        Assert.DoesNotContain("warning", output.Replace("Deprecation warning", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("openapi.yaml", output, StringComparison.Ordinal);
    }
}
