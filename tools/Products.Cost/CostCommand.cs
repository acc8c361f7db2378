using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Products.Cost.Model;
using Products.Cost.Output;
using Products.Cost.Pricing;
using Products.Cost.Refresh;
using Products.Cost.Report;
using Products.Tooling;

namespace Products.Cost;

/// <summary>
/// The command line: by default prices one month of traffic (a table, or <c>--json</c>); <c>report</c> writes
/// docs/cost.md and docs/cost.png; <c>refresh</c> first takes new durations from the benchmark's docs/benchmarks.json. A bad option is one line on stderr and exit code 2, never a stack trace.
/// </summary>
internal static class CostCommand
{
    public const int BadUsage = 2;
    public const int BadData = 1;

    private static readonly string[] LogLevels = ["DEBUG", "INFO", "WARN"];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var root = Create(output);
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            // One line: System.CommandLine lists allowed values on separate lines.
            var message = string.Join(' ', result.Errors[0].Message.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            await error.WriteLineAsync($"error: {message} (see --help)");
            return BadUsage;
        }

        try
        {
            return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, ct);
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return BadData;
        }
    }

    private static RootCommand Create(TextWriter output)
    {
        var options = new EstimateOptions();
        var root = new RootCommand(
            "Prices one month of Products API traffic on AWS (Lambda, API Gateway, DynamoDB, CloudWatch Logs, Secrets Manager, SSM) " +
            "from the dated prices in prices.us-east-1.json and the functions' measured behaviour in measured.json.");
        options.AddTo(root);
        root.SetAction(result =>
        {
            var calculator = new CostCalculator(DataFiles.LoadPrices(), DataFiles.LoadMeasured());
            var estimate = calculator.Estimate(options.Read(result));
            output.Write(result.GetValue(options.Json)
                ? CostJson.From(estimate, calculator.Prices).Serialize() + Environment.NewLine
                : TextReport.Format(estimate, calculator.Prices, calculator.Measured));
            return 0;
        });

        var outputDirectory = new Option<DirectoryInfo?>("--output") { Description = "Folder for cost.md and cost.png (default: the checkout's docs/)" };
        var report = new Command("report", "Writes docs/cost.md and docs/cost.png: cost per million requests across traffic levels, API types, architectures and memory sizes, the seed's example recomputed, what dominates.")
        {
            outputDirectory,
        };
        report.SetAction(result =>
        {
            var calculator = new CostCalculator(DataFiles.LoadPrices(), DataFiles.LoadMeasured());
            var directory = result.GetValue(outputDirectory)?.FullName ?? Path.Combine(RepositoryLayout.FindForCommand(), "docs");
            var written = CostReport.Write(calculator, directory);
            output.WriteLine($"wrote {string.Join(" and ", written)}");
            return 0;
        });
        root.Subcommands.Add(report);

        var benchmarks = new Option<FileInfo?>("--benchmarks") { Description = "The benchmark's JSON (default: the checkout's docs/benchmarks.json)" };
        var refresh = new Command("refresh", "Takes the shipped build's durations from the latest benchmark run (docs/benchmarks.json, written by tools/Products.Bench) into measured.json, then rewrites docs/cost.md and cost.png.")
        {
            benchmarks,
        };
        refresh.SetAction(result =>
        {
            var checkout = RepositoryLayout.FindForCommand();
            var runPath = result.GetValue(benchmarks)?.FullName ?? Path.Combine(checkout, "docs", MeasuredRefresh.BenchmarksFile);
            var measuredPath = Path.Combine(checkout, "tools", "Products.Cost", DataFiles.MeasuredFile);
            var measured = MeasuredRefresh.Apply(
                DataFiles.LoadMeasured(measuredPath), MeasuredRefresh.ReadRun(runPath), Path.GetRelativePath(checkout, runPath).Replace('\\', '/'));
            measured.Validate();
            File.WriteAllText(measuredPath, MeasuredRefresh.Serialize(measured));
            var written = CostReport.Write(new CostCalculator(DataFiles.LoadPrices(), measured), Path.Combine(checkout, "docs"));
            output.WriteLine($"wrote {measuredPath} (durations of {measured.Durations.RunAt}) and {string.Join(" and ", written)}");
            return 0;
        });
        root.Subcommands.Add(refresh);
        return root;
    }

    /// <summary>The estimate's options and how they become a <see cref="Workload"/>.</summary>
    private sealed class EstimateOptions
    {
        private static readonly Workload Defaults = new();

        public Option<decimal> Requests { get; } = new("--requests-per-month")
        {
            Description = "API requests in the month",
            DefaultValueFactory = _ => Defaults.RequestsPerMonth,
            Validators = { r => Range<decimal>(r, v => v, 0, 1e13m) },
        };

        public Option<int> Memory { get; } = new("--memory-mb")
        {
            Description = "Memory of every function, MB (128-10240; the template has 512)",
            DefaultValueFactory = _ => Defaults.MemoryMb,
            Validators = { r => Range<int>(r, v => v, Workload.MinMemoryMb, Workload.MaxMemoryMb) },
        };

        public Option<double?> Duration { get; } = new("--duration-ms")
        {
            Description = "Duration of every invocation, ms (default: measured per function by the benchmark)",
            Validators = { r => Range<double?>(r, v => Finite(v ?? 1), 0.001m, 900_000) },
        };

        public Option<string> Architecture { get; } = new Option<string>("--architecture")
        {
            Description = "Instruction set",
            DefaultValueFactory = _ => "x86_64",
        }.AcceptOnlyFromAmong("x86_64", "arm64");

        public Option<string> Api { get; } = new Option<string>("--api")
        {
            Description = "API Gateway type",
            DefaultValueFactory = _ => "http",
        }.AcceptOnlyFromAmong("http", "rest");

        public Option<bool> FreeTier { get; } = new("--free-tier")
        {
            Description = "Apply the monthly free allowances (Lambda, DynamoDB storage, CloudWatch Logs always; API Gateway's first-12-months one)",
        };

        public Option<string> Mix { get; } = new("--mix")
        {
            Description = "Share of requests per operation, as weights",
            DefaultValueFactory = _ => Defaults.Mix.ToString(),
            Validators = { r => Check(r, () => OperationMix.Parse(r.GetValueOrDefault<string>() ?? "")) },
        };

        public Option<double> ColdStartShare { get; } = new("--cold-start-share")
        {
            Description = "Share of invocations that start a new environment and bill its INIT (0-1)",
            DefaultValueFactory = _ => Defaults.ColdStartShare,
            Validators = { r => Range<double>(r, Finite, 0, 1) },
        };

        public Option<string> CpuScaling { get; } = new Option<string>("--cpu-scaling")
        {
            Description = "none: measured durations as they are; proportional: stretched by 1769 MB / memory (CPU-bound upper bound)",
            DefaultValueFactory = _ => "none",
        }.AcceptOnlyFromAmong("none", "proportional");

        public Option<string> LogLevel { get; } = new("--log-level")
        {
            Description = "POWERTOOLS_LOG_LEVEL of the stage: DEBUG (dev), INFO (staging), WARN (prod)",
            DefaultValueFactory = _ => Defaults.LogLevel,
            Validators =
            {
                r =>
                {
                    if (!LogLevels.Contains((r.GetValueOrDefault<string>() ?? "").ToUpperInvariant()))
                    {
                        r.AddError($"{r.Option.Name} must be one of {string.Join(", ", LogLevels)}.");
                    }
                },
            },
        };

        public Option<double> IdempotencyKeyShare { get; } = new("--idempotency-key-share")
        {
            Description = "Share of creates sent with an Idempotency-Key (each writes an idempotency record) (0-1)",
            DefaultValueFactory = _ => Defaults.IdempotencyKeyShare,
            Validators = { r => Range<double>(r, Finite, 0, 1) },
        };

        public Option<int?> ItemBytes { get; } = new("--item-bytes")
        {
            Description = "Size of a product item in DynamoDB, bytes (default: measured; an authorized create adds createdBy)",
            Validators = { r => Range<int?>(r, v => v ?? 1, 1, 400 * 1024) },
        };

        public Option<decimal?> StoredProducts { get; } = new("--stored-products")
        {
            Description = "Products stored in the table (default: those this month's creates wrote)",
            Validators = { r => Range<decimal?>(r, v => v ?? 0, 0, 1e13m) },
        };

        public Option<bool> Json { get; } = new("--json") { Description = "Machine-readable output" };

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { Requests, Memory, Duration, Architecture, Api, FreeTier, Mix, ColdStartShare, CpuScaling, LogLevel, IdempotencyKeyShare, ItemBytes, StoredProducts, Json })
            {
                command.Options.Add(option);
            }
        }

        public Workload Read(ParseResult result) => new()
        {
            RequestsPerMonth = result.GetValue(Requests),
            MemoryMb = result.GetValue(Memory),
            DurationMs = result.GetValue(Duration),
            Architecture = result.GetValue(Architecture) == "arm64" ? Pricing.Architecture.Arm64 : Pricing.Architecture.X86_64,
            Api = result.GetValue(Api) == "rest" ? ApiType.Rest : ApiType.Http,
            FreeTier = result.GetValue(FreeTier),
            Mix = OperationMix.Parse(result.GetValue(Mix) ?? ""),
            ColdStartShare = result.GetValue(ColdStartShare),
            CpuScaling = result.GetValue(CpuScaling) == "proportional" ? Model.CpuScaling.Proportional : Model.CpuScaling.None,
            LogLevel = (result.GetValue(LogLevel) ?? Defaults.LogLevel).ToUpperInvariant(),
            IdempotencyKeyShare = result.GetValue(IdempotencyKeyShare),
            ItemBytes = result.GetValue(ItemBytes),
            StoredProducts = result.GetValue(StoredProducts),
        };

        /// <summary>A double as a decimal for range checks; NaN and infinities map below every range.</summary>
        private static decimal Finite(double value) => double.IsFinite(value) && Math.Abs(value) < 1e15 ? (decimal)value : -1m;

        /// <summary>Adds an error when the option's value is outside [min, max]; a value that did not parse is already an error.</summary>
        private static void Range<TOption>(OptionResult result, Func<TOption, decimal> number, decimal min, decimal max)
        {
            TOption option;
            try
            {
                option = result.GetValueOrDefault<TOption>();
            }
            catch (InvalidOperationException)
            {
                return;
            }

            var value = number(option);
            if (value < min || value > max)
            {
                result.AddError(string.Create(
                    CultureInfo.InvariantCulture, $"{result.Option.Name} must be from {min} to {max}, got {string.Join(' ', result.Tokens.Select(t => t.Value))}."));
            }
        }

        private static void Check(OptionResult result, Action parse)
        {
            try
            {
                parse();
            }
            catch (FormatException e)
            {
                result.AddError(e.Message);
            }
        }
    }
}
