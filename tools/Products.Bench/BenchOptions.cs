using System.CommandLine;
using System.CommandLine.Help;
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

    private static readonly Option<bool> SmokeOption = new("--smoke") { Description = "tiny run: GetProduct only, 2 cold starts, 40 warm requests" };
    private static readonly Option<bool> IdempotencyOption = new("--idempotency") { Description = "CreateProduct, layered ReadyToRun: the cost of an Idempotency-Key" };
    private static readonly Option<string?> ColdOption = new("--cold") { Description = "fresh environments per function and variant" };
    private static readonly Option<string?> RequestsOption = new("--requests") { Description = "warm requests per function, variant and concurrency" };
    private static readonly Option<string?> FunctionsOption = new("--functions") { Description = "logical ids, comma-separated" };
    private static readonly Option<string?> VariantsOption = new("--variants") { Description = "r2r, aot, node, comma-separated" };
    private static readonly Option<string[]> DotnetEnvOption = new("--dotnet-env") { Description = "NAME=VALUE for the .NET variants", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string[]> EnvOption = new("--env") { Description = "NAME=VALUE for every variant", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string[]> R2rWithOption = new("--r2r-with") { Description = "NAME=VALUE[,NAME=VALUE]: the shipped layered build with these variables as one more variant", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string?> OutputOption = new("--output") { Description = "where benchmarks.md and benchmarks.png go" };

    // Usage is printed by Program.cs; System.CommandLine only parses here.
    private static readonly RootCommand Command = CreateCommand();

    /// <exception cref="ArgumentException">An unknown option or a bad value; the message says which.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        var result = Command.Parse(args);
        if (result.Errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", result.Errors.Select(error => error.Message)));
        }

        var options = new BenchOptions
        {
            RepositoryRoot = repositoryRoot,
            OutputDirectory = Path.Combine(repositoryRoot, "docs"),
            CommandLine = "dotnet run -c Release --project tools/Products.Bench" + (args.Count > 0 ? " -- " + string.Join(' ', args) : string.Empty),
        };
        if (result.GetValue(SmokeOption))
        {
            options = options with { Smoke = true, ColdStarts = 2, WarmRequests = 40, Functions = ["GetProductFunction"] };
        }

        if (result.GetValue(IdempotencyOption))
        {
            options = options with { IdempotencyOnly = true, Functions = ["CreateProductFunction"], Variants = [Variant.LayeredReadyToRun] };
        }

        if (result.GetValue(ColdOption) is { } cold)
        {
            options = options with { ColdStarts = PositiveInt("--cold", cold) };
        }

        if (result.GetValue(RequestsOption) is { } requests)
        {
            options = options with { WarmRequests = PositiveInt("--requests", requests) };
        }

        if (result.GetValue(FunctionsOption) is { } functions)
        {
            options = options with { Functions = ParseFunctions(functions) };
        }

        if (result.GetValue(VariantsOption) is { } variants)
        {
            options = options with { Variants = ParseVariants(variants) };
        }

        foreach (var experiment in result.GetValue(R2rWithOption) ?? [])
        {
            var variables = Variables(experiment.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            options = options with { Variants = [.. options.Variants, Variant.LayeredWith(variables)] };
        }

        if (result.GetValue(OutputOption) is { } output)
        {
            options = options with { OutputDirectory = Path.GetFullPath(output) };
        }

        return options with
        {
            DotnetEnvironment = Variables(result.GetValue(DotnetEnvOption) ?? []),
            CommonEnvironment = Variables(result.GetValue(EnvOption) ?? []),
        };
    }

    private static RootCommand CreateCommand()
    {
        var command = new RootCommand("Cold and warm latency, memory and package size of the functions.")
        {
            SmokeOption, IdempotencyOption, ColdOption, RequestsOption, FunctionsOption, VariantsOption, DotnetEnvOption, EnvOption, R2rWithOption, OutputOption,
        };
        foreach (var builtIn in command.Options.Where(option => option is HelpOption or VersionOption).ToList())
        {
            command.Options.Remove(builtIn);
        }

        return command;
    }

    private static Dictionary<string, string> Variables(IEnumerable<string> assignments)
    {
        var into = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"Expected NAME=VALUE, got '{assignment}'.");
            }

            into[assignment[..equals]] = assignment[(equals + 1)..];
        }

        return into;
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
