using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Products.Cost.Report;
using Xunit;
using Products.Tooling;

namespace Products.Cost.Tests;

/// <summary>The real command line: the built tool run as a process, as `dotnet run --project tools/Products.Cost` runs it.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--memory-mb", "64")]
    [InlineData("--architecture", "sparc")]
    [InlineData("--api", "graphql")]
    [InlineData("--requests-per-month", "lots")]
    [InlineData("--mix", "list=20,browse=80")]
    [InlineData("--cold-start-share", "1.5")]
    [InlineData("--log-level", "TRACE")]
    [InlineData("--no-such-option", "1")]
    public async Task BadOption_IsOneLineOnStderrAndExitCode2(string option, string value)
    {
        var (exitCode, stdout, stderr) = await RunToolAsync(option, value);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_HasEveryComponentAndAgreesWithTheDoc()
    {
        var (exitCode, stdout, stderr) = await RunToolAsync("--requests-per-month", "10000000", "--architecture", "arm64", "--api", "rest", "--json");

        Assert.True(exitCode == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        var parts = new[]
        {
            root.GetProperty("lambda").GetProperty("requestsUsd").GetDecimal(),
            root.GetProperty("lambda").GetProperty("computeUsd").GetDecimal(),
            root.GetProperty("apiGateway").GetProperty("usd").GetDecimal(),
            root.GetProperty("dynamodb").GetProperty("usd").GetDecimal(),
            root.GetProperty("logs").GetProperty("usd").GetDecimal(),
            root.GetProperty("secrets").GetProperty("usd").GetDecimal(),
            root.GetProperty("ssm").GetProperty("usd").GetDecimal(),
        };
        var total = root.GetProperty("totalUsd").GetDecimal();
        Assert.Equal(35.00m, parts[2]); // 10M REST API calls at $3.50 per million
        Assert.InRange(total - parts.Sum(), -0.00001m, 0.00001m);

        // docs/cost.md's per-million table, row 10M, column "REST API, arm64", is this very figure.
        var perMillion = root.GetProperty("usdPerMillionRequests").GetDecimal();
        var row = (await File.ReadAllLinesAsync(Path.Combine(RepositoryLayout.FindRoot(AppContext.BaseDirectory), "docs", CostReport.MarkdownFile)))
            .First(l => l.StartsWith("| 10M |", StringComparison.Ordinal));
        Assert.Equal(
            $"{CostReport.UsdFine(perMillion)} ({CostReport.Usd(total)})",
            row.Split('|', StringSplitOptions.TrimEntries)[5]);
    }

    [Fact]
    public async Task HumanOutput_HasATableRowPerComponent()
    {
        var (exitCode, stdout, stderr) = await RunToolAsync("--free-tier", "--mix", "list=1,get=1");

        Assert.True(exitCode == 0, stderr);
        foreach (var row in new[] { "AWS Lambda", "  requests", "  compute (x86_64)", "Amazon API Gateway (HTTP API)", "  reads", "  writes", "  storage", "Amazon CloudWatch Logs ingestion", "AWS Secrets Manager", "AWS Systems Manager parameters", "total", "per million requests" })
        {
            Assert.Contains(stdout.Split('\n'), line => line.StartsWith(row, StringComparison.Ordinal));
        }

        Assert.Contains("free tier applied", stdout, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunToolAsync(params string[] args)
    {
        // The tool as built next to this test project's build (same configuration): tools/Products.Cost/bin/<config>/net10.0.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var tool = Path.Combine(RepositoryLayout.FindRoot(AppContext.BaseDirectory), "tools", "Products.Cost", "bin", configuration, testOutput.Name, "Products.Cost.dll");
        Assert.True(File.Exists(tool), $"{tool} not built");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, (await stderr).Replace("\r", "", StringComparison.Ordinal).ToString(CultureInfo.InvariantCulture));
    }
}
