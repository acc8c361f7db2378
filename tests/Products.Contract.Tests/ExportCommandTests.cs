using System.Text.Json;
using System.Text.Json.Nodes;
using Products.Testing;
using Products.Testing.OpenApi;

namespace Products.Contract.Tests;

/// <summary>
/// <c>dotnet run --project tools/Products.Local -- openapi --base-url URL [--out FILE]</c>, run as the built command: the
/// document for consumers of a deployed stage.
/// </summary>
public sealed class ExportCommandTests
{
    private const string StageUrl = "https://abc123defg.execute-api.eu-west-1.amazonaws.com/prod";

    [Fact]
    public async Task Export_ToAFile_HasTheStageAsItsOnlyServer_AndOtherwiseTheCommittedDocument()
    {
        var file = Path.Combine(Path.GetTempPath(), $"products-openapi-{Guid.NewGuid():N}.yaml");
        try
        {
            var (exitCode, output) = await RunAsync("openapi", "--base-url", StageUrl + "/", "--out", file);

            Assert.True(exitCode == 0, output);
            var exported = OpenApiContract.Load(file);
            var server = Assert.Single(exported.Root.GetProperty("servers").EnumerateArray());
            Assert.Equal(StageUrl, server.GetProperty("url").GetString());
            Assert.Equal(WithoutServers(OpenApiContract.Repository.Root), WithoutServers(exported.Root));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Export_WithoutOut_WritesTheDocumentToStdout()
    {
        var (exitCode, output) = await RunAsync("openapi", "--base-url", StageUrl);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("openapi: 3.1.0", output, StringComparison.Ordinal);
        Assert.Contains($"  - url: '{StageUrl}'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--base-url", "execute-api.amazonaws.com/prod")]
    [InlineData("--base-url", "ftp://abc.execute-api.eu-west-1.amazonaws.com/prod")]
    [InlineData("--base-url", "https://abc.execute-api.eu-west-1.amazonaws.com/prod?x=1")]
    [InlineData("--base-url", "https://user:secret@abc.execute-api.eu-west-1.amazonaws.com/prod")]
    [InlineData("--base-url", "https://{api-id}.execute-api.{region}.amazonaws.com/prod")]
    [InlineData("--base-url", "")]
    [InlineData("--out", "/nonexistent-folder/openapi.yaml")]
    public async Task BadOptions_AnswerAnErrorLine_AndExitCode2(string option, string value)
    {
        string[] arguments = option == "--out" ? ["openapi", "--base-url", StageUrl, option, value] : ["openapi", option, value];

        var (exitCode, output) = await RunAsync(arguments);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoBaseUrl_AnswersAnErrorLine_AndExitCode2()
    {
        var (exitCode, output) = await RunAsync("openapi");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: --base-url is required", output, StringComparison.Ordinal);
    }

    private static string WithoutServers(JsonElement document)
    {
        var node = JsonNode.Parse(document.GetRawText())!.AsObject();
        node.Remove("servers");
        return node.ToJsonString();
    }

    // The command the test project was built with (Products.Local is a build-only reference).
    private static Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var dll = Path.Combine(RepositoryRoot.Path, "tools", "Products.Local", "bin", BuildConfiguration.Current, "net10.0", "Products.Local.dll");
        return ProgramRun.RunAsync("dotnet", ["exec", dll, .. arguments], RepositoryRoot.Path, new Dictionary<string, string>());
    }
}
