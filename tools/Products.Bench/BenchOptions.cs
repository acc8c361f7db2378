using System.Globalization;

namespace Products.Bench;

/// <summary>What one benchmark run measures and where it writes; parsed from the command line.</summary>
public sealed record BenchOptions
{
    /// <summary>The issue's floor: at least 20 fresh environments per function and variant.</summary>
    public const int DefaultColdStarts = 20;

    /// <summary>The issue's floor: at least 2,000 warm requests per function, variant and concurrency.</summary>
    public const int DefaultWarmRequests = 2000;

    public required string RepositoryRoot { get; init; }

    /// <summary>Where benchmarks.md and benchmarks.png go (docs/ by default).</summary>
    public required string OutputDirectory { get; init; }

    public int ColdStarts { get; init; } = DefaultColdStarts;

    public int WarmRequests { get; init; } = DefaultWarmRequests;

    /// <summary>Template logical ids of the functions to measure.</summary>
    public IReadOnlyList<string> Functions { get; init; } = BenchFunction.All.Select(f => f.LogicalId).ToList();

    public IReadOnlyList<Variant> Variants { get; init; } = Variant.All;

    /// <summary>Extra variables for the .NET variants (e.g. DOTNET_TieredPGO=0), to measure a runtime setting without a rebuild.</summary>
    public IReadOnlyDictionary<string, string> DotnetEnvironment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Extra variables for every variant (e.g. POWERTOOLS_LOG_LEVEL=DEBUG).</summary>
    public IReadOnlyDictionary<string, string> CommonEnvironment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public bool Smoke { get; init; }

    /// <summary>Only the Idempotency-Key cost: CreateProduct as shipped, warm, with and without a key.</summary>
    public bool IdempotencyOnly { get; init; }

    /// <summary>The command line as given, for the report.</summary>
    public string CommandLine { get; init; } = "dotnet run -c Release --project tools/Products.Bench";

    public const string Usage = """
        usage: dotnet run -c Release --project tools/Products.Bench [-- options]
          --smoke                 tiny run: GetProduct only, 2 cold starts, 40 warm requests (for the test suite)
          --idempotency           only the Idempotency-Key cost: CreateProduct as shipped, warm, --requests of each kind
                                  (no key, new key, replay), written to benchmarks-idempotency.md
          --cold N                fresh environments per function and variant (default 20)
          --requests N            warm requests per function, variant and concurrency (default 2000)
          --functions A,B         logical ids (default: ListProductsFunction,CreateProductFunction,GetProductFunction)
          --variants A,B          r2r, aot, node (default: all)
          --dotnet-env NAME=VALUE extra variable for the .NET variants (repeatable)
          --env NAME=VALUE        extra variable for every variant (repeatable)
          --r2r-with N=V[,N=V]    one more variant: the shipped layered build with these variables, side by side (repeatable)
          --output DIR            where benchmarks.md and benchmarks.png go (default: docs)
        """;

    /// <exception cref="ArgumentException">An unknown option or a bad value; the message says which.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        var options = new BenchOptions
        {
            RepositoryRoot = repositoryRoot,
            OutputDirectory = Path.Combine(repositoryRoot, "docs"),
            CommandLine = "dotnet run -c Release --project tools/Products.Bench" + (args.Count > 0 ? " -- " + string.Join(' ', args) : string.Empty),
        };
        var dotnetEnvironment = new Dictionary<string, string>(StringComparer.Ordinal);
        var commonEnvironment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--smoke" => options with
                {
                    Smoke = true,
                    ColdStarts = 2,
                    WarmRequests = 40,
                    Functions = ["GetProductFunction"],
                },
                "--idempotency" => options with
                {
                    IdempotencyOnly = true,
                    Functions = ["CreateProductFunction"],
                    Variants = [Variant.LayeredReadyToRun],
                },
                "--cold" => options with { ColdStarts = PositiveInt(name, Value()) },
                "--requests" => options with { WarmRequests = PositiveInt(name, Value()) },
                "--functions" => options with { Functions = ParseFunctions(Value()) },
                "--variants" => options with { Variants = ParseVariants(Value()) },
                "--dotnet-env" => AddVariable(options, dotnetEnvironment, Value()),
                "--env" => AddVariable(options, commonEnvironment, Value()),
                "--r2r-with" => options with { Variants = [.. options.Variants, Variant.LayeredWith(ParseVariables(Value()))] },
                "--output" => options with { OutputDirectory = Path.GetFullPath(Value()) },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        return options with { DotnetEnvironment = dotnetEnvironment, CommonEnvironment = commonEnvironment };
    }

    private static BenchOptions AddVariable(BenchOptions options, Dictionary<string, string> into, string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"Expected NAME=VALUE, got '{assignment}'.");
        }

        into[assignment[..equals]] = assignment[(equals + 1)..];
        return options;
    }

    private static Dictionary<string, string> ParseVariables(string value)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            AddVariable(new BenchOptions { RepositoryRoot = string.Empty, OutputDirectory = string.Empty }, variables, assignment);
        }

        return variables.Count > 0 ? variables : throw new ArgumentException("--r2r-with names no variable.");
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : throw new ArgumentException($"{name} needs a positive integer, got '{value}'.");

    private static List<string> ParseFunctions(string value)
    {
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var unknown = names.Where(n => BenchFunction.All.All(f => f.LogicalId != n)).ToList();
        return unknown.Count == 0 && names.Count > 0
            ? names
            : throw new ArgumentException($"Unknown function(s) {string.Join(", ", unknown)}; known: {string.Join(", ", BenchFunction.All.Select(f => f.LogicalId))}.");
    }

    private static List<Variant> ParseVariants(string value)
    {
        var variants = new List<Variant>();
        foreach (var id in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            variants.Add(Variant.All.FirstOrDefault(v => v.Id == id)
                ?? throw new ArgumentException($"Unknown variant {id}; known: {string.Join(", ", Variant.All.Select(v => v.Id))}."));
        }

        return variants.Count > 0 ? variants : throw new ArgumentException("--variants names none.");
    }
}
