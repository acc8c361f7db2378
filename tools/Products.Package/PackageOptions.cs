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

    public static bool TryParse(
        IReadOnlyList<string> args, string currentDirectory, out PackageOptions? options, out string? error)
    {
        options = null;
        error = null;
        string? output = null;
        string? repository = null;
        var architecture = "x86_64";
        var fat = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--fat":
                    fat = true;
                    break;
                case "--architecture" when i + 1 < args.Count:
                    architecture = args[++i];
                    break;
                case "--out" when i + 1 < args.Count:
                    output = args[++i];
                    break;
                case "--repository" when i + 1 < args.Count:
                    repository = args[++i];
                    break;
                default:
                    error = $"unknown or incomplete option '{args[i]}'";
                    return false;
            }
        }

        if (architecture is not ("x86_64" or "arm64"))
        {
            error = $"--architecture must be x86_64 or arm64, not '{architecture}'";
            return false;
        }

        var root = repository is null
            ? Checkout.FindRoot(currentDirectory)
            : Path.GetFullPath(repository, currentDirectory);
        if (root is null || !Checkout.IsRoot(root))
        {
            error = "not inside the Products checkout (no Products.sln with layers/ and functions/ above " +
                $"{repository ?? currentDirectory}); use --repository";
            return false;
        }

        options = new PackageOptions(
            root,
            Path.GetFullPath(output ?? Path.Combine(root, "artifacts", "package"), currentDirectory),
            architecture,
            fat,
            SharedLayerCache: null);
        return true;
    }
}
