using System.Text.Encodings.Web;
using System.Text.Json;
using Products.Cost.Model;

namespace Products.Cost.Refresh;

/// <summary>
/// Takes the shipped variant's durations from a benchmark run (docs/benchmarks.json) into measured.json, keeping its
/// provenance (command, time, machine); item sizes and log bytes are left as they are.
/// </summary>
public static class MeasuredRefresh
{
    /// <summary>docs/benchmarks.md's name for what ships: the function package on the layer's ReadyToRun store.</summary>
    public const string ShippedVariant = "layered R2R";

    public const string BenchmarksFile = "benchmarks.json";

    public static MeasuredInputs Apply(MeasuredInputs measured, BenchmarkRun run, string source)
    {
        var functions = new Dictionary<string, FunctionDurations>(StringComparer.Ordinal);
        foreach (var operation in OperationNames.All)
        {
            var name = operation.FunctionName();
            var result = run.Results.FirstOrDefault(r => r.Function == name && r.Variant == ShippedVariant)
                ?? throw new InvalidDataException($"{source} has no '{ShippedVariant}' result for {name}.");
            if (!result.WarmMs.TryGetValue("1", out var warm) || !double.IsFinite(warm.P50) || !double.IsFinite(result.ColdInitMs.P50) || !double.IsFinite(result.ColdFirstInvocationMs.P50))
            {
                throw new InvalidDataException($"{source}: {name} has no cold init, first invocation or concurrency-1 warm p50.");
            }

            functions[name] = new FunctionDurations(result.ColdInitMs.P50, result.ColdFirstInvocationMs.P50, Math.Round(warm.P50, 2));
        }

        return measured with
        {
            Durations = measured.Durations with
            {
                Source = source,
                Command = run.Command,
                RunAt = run.RunAt,
                Machine = run.Machine,
                How = How(run.ColdStarts, run.WarmRequests),
                Functions = functions,
            },
        };
    }

    /// <summary>What the duration figures are, for measured.json.</summary>
    public static string How(int coldStarts, int warmRequests) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"initMs: cold start, spawn to the first GET /runtime/invocation/next; firstInvocationMs: that environment's first invocation ({coldStarts} fresh environments); warmMs: warm round trip at concurrency 1 ({warmRequests:N0} requests; ListProducts asks for 10 items), including the emulator's overhead of about 0.2 ms. All against dynalite on the same machine: DynamoDB's network round trip from Lambda is not in these figures.");

    public static BenchmarkRun ReadRun(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, BenchmarkJsonContext.Default.BenchmarkRun)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    public static string Serialize(MeasuredInputs measured)
    {
        // Human-edited file: keep quotes and non-ASCII characters readable.
        var context = new CostJsonContext(new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        return JsonSerializer.Serialize(measured, context.MeasuredInputs) + "\n";
    }
}
