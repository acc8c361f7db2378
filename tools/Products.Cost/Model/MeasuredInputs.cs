namespace Products.Cost.Model;

/// <summary>
/// What the functions were measured to do (measured.json): durations from the benchmark, item sizes, log volume. Each
/// part names how and when it was measured, so the figures can be traced and refreshed.
/// </summary>
public sealed record MeasuredInputs(DurationMeasurements Durations, ItemMeasurements Items, LogMeasurements Logs)
{
    public FunctionDurations DurationsOf(Operation operation) =>
        Durations.Functions.TryGetValue(operation.FunctionName(), out var durations)
            ? durations
            : throw new InvalidDataException($"measured.json: no durations for {operation.FunctionName()}.");

    public void Validate()
    {
        foreach (var operation in OperationNames.All)
        {
            var d = DurationsOf(operation);
            if (d.InitMs < 0 || d.FirstInvocationMs < 0 || d.WarmMs <= 0)
            {
                throw new InvalidDataException($"measured.json: durations of {operation.FunctionName()} must be positive.");
            }

            foreach (var level in Logs.FunctionBytesPerInvocation.Keys.Concat(Logs.FunctionBytesPerColdStart.Keys))
            {
                _ = LogMeasurements.BytesOf(Logs.FunctionBytesPerInvocation, level, operation);
                _ = LogMeasurements.BytesOf(Logs.FunctionBytesPerColdStart, level, operation);
            }
        }

        if (Items.ProductItemBytes <= 0 || Items.ListPageSize <= 0)
        {
            throw new InvalidDataException("measured.json: item size and page size must be positive.");
        }
    }
}

/// <summary>Per function, from one benchmark run of the shipped build (p50 of each).</summary>
public sealed record DurationMeasurements(
    string Source,
    string Command,
    string RunAt,
    string Machine,
    string Variant,
    string Statistic,
    string How,
    IReadOnlyDictionary<string, FunctionDurations> Functions);

/// <summary>
/// <see cref="InitMs"/>: spawn → the runtime's first request for work (Lambda's INIT phase);
/// <see cref="FirstInvocationMs"/>: the cold environment's first invocation; <see cref="WarmMs"/>: a warm invocation.
/// </summary>
public sealed record FunctionDurations(double InitMs, double FirstInvocationMs, double WarmMs);

public sealed record ItemMeasurements(
    string How,
    int ProductItemBytes,
    int ListPageSize,
    int IdempotencyWritesPerKeyedCreate,
    string IdempotencyHow);

public sealed record LogMeasurements(
    string How,
    string Command,
    string MeasuredAt,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> FunctionBytesPerInvocation,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> FunctionBytesPerColdStart,
    double PlatformBytesPerInvocation,
    double PlatformBytesPerColdStart,
    string PlatformHow)
{
    public static double BytesOf(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> table, string level, Operation operation) =>
        table.TryGetValue(level, out var byFunction) && byFunction.TryGetValue(operation.FunctionName(), out var bytes)
            ? bytes
            : throw new InvalidDataException($"measured.json: no log bytes for {operation.FunctionName()} at {level}.");
}
