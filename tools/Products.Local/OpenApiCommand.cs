using System.CommandLine;
using Products.Tooling;

namespace Products.Local;

/// <summary>
/// <c>openapi --base-url URL [--out FILE]</c>: writes openapi.yaml with a deployed stage's base URL as its server, for
/// consumers (client generators, mock servers, API reviews). Bad options: an <c>error:</c> line and exit code 2.
/// </summary>
internal static class OpenApiCommand
{
    public static Command Create()
    {
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = "The deployed stage's base URL: the ApiUrl stack output, https://{api-id}.execute-api.{region}.amazonaws.com/{stage}",
        };
        var output = new Option<string?>("--out")
        {
            Description = "Write the document to this file instead of stdout",
        };
        var command = new Command("openapi", "Writes openapi.yaml with a deployed stage's base URL in servers (stdout, or --out FILE).")
        {
            baseUrl, output,
        };
        command.SetAction(async (result, ct) =>
        {
            var url = OpenApiExport.ParseBaseUrl(result.GetValue(baseUrl), out var problem);
            var outPath = result.GetValue(output);
            if (url is null)
            {
                await Console.Error.WriteLineAsync($"error: {problem}");
                return 2;
            }

            if (outPath is not null && (outPath.Length == 0 || Path.GetDirectoryName(Path.GetFullPath(outPath)) is not { } folder || !Directory.Exists(folder)))
            {
                await Console.Error.WriteLineAsync($"error: --out '{outPath}': its folder does not exist");
                return 2;
            }

            var source = Path.Combine(RepositoryLayout.FindRoot(AppContext.BaseDirectory), OpenApiExport.FileName);
            string exported;
            try
            {
                exported = OpenApiExport.WithServer(await File.ReadAllTextAsync(source, ct), url, "The deployed stage.");
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync($"error: {source}: {e.Message}");
                return 1;
            }

            if (outPath is null)
            {
                await Console.Out.WriteAsync(exported);
            }
            else
            {
                await File.WriteAllTextAsync(outPath, exported, ct);
            }

            return 0;
        });
        return command;
    }
}
