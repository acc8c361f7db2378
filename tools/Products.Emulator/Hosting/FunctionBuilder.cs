using System.Security.Cryptography;
using System.Text;
using Products.Emulator.Template;
using Products.Tooling;

namespace Products.Emulator.Hosting;

/// <summary>
/// Produces what the emulator runs. Packaged: the same <c>make build-&lt;LogicalId&gt;</c> targets <c>sam build</c> runs
/// (BuildMethod: makefile), into .products-local/build, skipped when no source changed since the last build.
/// Project: <c>dotnet build</c> of each function project.
/// </summary>
public sealed class FunctionBuilder(LocalApiOptions options)
{
    private string BuildRoot => Path.Combine(options.RepositoryRoot, ".products-local", "build");

    public async Task<BuiltFunctions> BuildAsync(LocalTemplate template, CancellationToken ct) => options.Build switch
    {
        BuildMode.Packaged => await BuildPackagedAsync(template, ct),
        BuildMode.Project => await BuildProjectsAsync(template, ct),
        BuildMode.Prebuilt => ProjectOutputs(template),
        _ => throw new InvalidOperationException($"Unknown build mode {options.Build}"),
    };

    private async Task<BuiltFunctions> BuildProjectsAsync(LocalTemplate template, CancellationToken ct)
    {
        foreach (var function in template.Functions)
        {
            options.Output($"build: {function.LogicalId} (dotnet build -c {options.Configuration})");
            await CommandRunner.RunAsync(
                "dotnet",
                ["build", ProjectFile(function), "-c", options.Configuration, "--nologo", "-v", "quiet"],
                options.RepositoryRoot,
                environment: null,
                log: null,
                ct);
        }

        return ProjectOutputs(template);
    }

    private BuiltFunctions ProjectOutputs(LocalTemplate template) => new(
        template.Functions.ToDictionary(
            f => f.LogicalId,
            f => Path.Combine(f.CodePath, "bin", options.Configuration, "net10.0"),
            StringComparer.Ordinal),
        OptDirectory: null);

    private static string ProjectFile(FunctionDefinition function)
    {
        var projects = Directory.GetFiles(function.CodePath, "*.csproj");
        return projects.Length == 1
            ? projects[0]
            : throw new InvalidOperationException(
                $"{function.LogicalId}: CodeUri {function.CodeUri} must hold exactly one .csproj (found {projects.Length}).");
    }

    private async Task<BuiltFunctions> BuildPackagedAsync(LocalTemplate template, CancellationToken ct)
    {
        if (template.Layers.Count > 1)
        {
            // Lambda merges all layers into /opt; one layer keeps that a single folder here.
            throw new InvalidOperationException("The local emulator supports at most one layer per template.");
        }

        var architecture = template.Functions.SelectMany(f => f.Architectures).FirstOrDefault() ?? "x86_64";
        var fingerprint = SourceFingerprint(options.RepositoryRoot, architecture);
        string? opt = null;
        foreach (var layer in template.Layers)
        {
            opt = await MakeAsync(layer.LogicalId, layer.ContentPath, layer.BuildMethod, architecture, fingerprint, ct);
        }

        var directories = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var function in template.Functions)
        {
            directories[function.LogicalId] = await MakeAsync(
                function.LogicalId, function.CodePath, function.BuildMethod, architecture, fingerprint, ct);
        }

        return new BuiltFunctions(directories, opt);
    }

    private async Task<string> MakeAsync(
        string logicalId, string sourceDirectory, string? buildMethod, string architecture, string fingerprint, CancellationToken ct)
    {
        if (!string.Equals(buildMethod, "makefile", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"{logicalId}: only Metadata BuildMethod: makefile is supported by the packaged local build (found '{buildMethod ?? "none"}'); use --build project.");
        }

        return await CachedMakeBuild.RunAsync(
            BuildRoot,
            logicalId,
            variant: "",
            sourceDirectory,
            new Dictionary<string, string> { ["ARCHITECTURE"] = architecture },
            fingerprint,
            options.Output,
            ct);
    }

    /// <summary>
    /// Paths, sizes and write times of every source file that can change a build: cheap, and a changed file always
    /// changes it. Also keys the benchmark's Native AOT builds.
    /// </summary>
    public static string SourceFingerprint(string root, string architecture)
    {
        var builder = new StringBuilder(architecture);
        foreach (var top in new[] { "shared", "functions", "layers" })
        {
            var directory = Path.Combine(root, top);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                     && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                         .Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(file);
                builder.Append('\n').Append(Path.GetRelativePath(root, file)).Append(' ').Append(info.Length).Append(' ').Append(info.LastWriteTimeUtc.Ticks);
            }
        }

        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            var path = Path.Combine(root, file);
            if (File.Exists(path))
            {
                builder.Append('\n').Append(file).Append(' ').Append(File.ReadAllText(path));
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
