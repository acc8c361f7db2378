using System.CommandLine;
using System.CommandLine.Help;
using Products.Tooling;

namespace Products.Package;

// What to package and where; parsed from the command line.
public sealed record PackageOptions(
    string RepositoryRoot,
    string OutputDirectory,
    string Architecture,
    bool IncludeFat,
    string? SharedLayerCache)
{
    // The budget every function zip published against the layer must fit in.
    public const long MaxFunctionBytes = 64 * 1024;

    public const string Usage =
        """
        usage: dotnet run --project tools/Products.Package -- [--fat] [--architecture x86_64|arm64] [--out DIR] [--repository DIR]
          Runs every layers/*/Makefile and functions/*/Makefile build-<LogicalId> target as sam build does and zips each
          ARTIFACTS_DIR into DIR (default: artifacts/package). --fat also packages each function the classic way (all
          DLLs, no layer) into DIR/fat for comparison.
        """;

    private static readonly Option<bool> Fat = new("--fat") { Description = "Also package each function the classic way (all DLLs, no layer)" };

    private static readonly Option<string> ArchitectureOption = new("--architecture")
    {
        Description = "x86_64 or arm64",
        DefaultValueFactory = _ => "x86_64",
    };

    private static readonly Option<string?> Output = new("--out") { Description = "Where the zips go (default: artifacts/package)" };

    private static readonly Option<string?> Repository = new("--repository") { Description = "The Products checkout (default: the one above the working directory)" };

    private static readonly RootCommand Command = CreateCommand();

    public static bool TryParse(
        IReadOnlyList<string> args, string currentDirectory, out PackageOptions? options, out string? error)
    {
        options = null;
        var result = Command.Parse(args);
        if (result.Errors.Count > 0)
        {
            error = string.Join(Environment.NewLine, result.Errors.Select(e => e.Message));
            return false;
        }

        var architecture = result.GetValue(ArchitectureOption)!;
        if (architecture is not ("x86_64" or "arm64"))
        {
            error = $"--architecture must be x86_64 or arm64, not '{architecture}'";
            return false;
        }

        var repository = result.GetValue(Repository);
        var root = repository is null
            ? RepositoryLayout.TryFindRoot(currentDirectory)
            : Path.GetFullPath(repository, currentDirectory);
        if (root is null || !RepositoryLayout.IsRoot(root))
        {
            error = "not inside the Products checkout (no Products.sln above " +
                $"{repository ?? currentDirectory}); use --repository";
            return false;
        }

        error = null;
        options = new PackageOptions(
            root,
            Path.GetFullPath(result.GetValue(Output) ?? Path.Combine(root, "artifacts", "package"), currentDirectory),
            architecture,
            result.GetValue(Fat),
            SharedLayerCache: null);
        return true;
    }

    private static RootCommand CreateCommand()
    {
        var command = new RootCommand("Packages the layer and the functions as sam build does.") { Fat, ArchitectureOption, Output, Repository };

        // Usage is printed by Program.cs; System.CommandLine only parses here.
        foreach (var builtIn in command.Options.Where(option => option is HelpOption or VersionOption).ToList())
        {
            command.Options.Remove(builtIn);
        }

        return command;
    }
}
