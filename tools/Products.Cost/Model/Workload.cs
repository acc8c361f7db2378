using Products.Cost.Pricing;

namespace Products.Cost.Model;

/// <summary>How measured durations relate to the memory size (the benchmark ran each function on a full core).</summary>
public enum CpuScaling
{
    /// <summary>Use the measured durations as they are (a lower bound below 1,769 MB).</summary>
    None,

    /// <summary>
    /// Stretch them by 1,769 MB / memory below 1,769 MB: Lambda allocates CPU in proportion to memory and a function at
    /// 1,769 MB has one vCPU (Lambda developer guide, "Configuring Lambda function memory"), so a fully CPU-bound
    /// phase takes that much longer. The upper bound of the two.
    /// </summary>
    Proportional,
}

/// <summary>One month of traffic and the function configuration to price.</summary>
public sealed record Workload
{
    /// <summary>Memory at which a function has the equivalent of one full vCPU.</summary>
    public const int OneVcpuMemoryMb = 1769;

    /// <summary>The Parameters provider's cache age (Powertools' default, what the functions ship with).</summary>
    public const double ParameterCacheSeconds = 5;

    /// <summary>A month as AWS prices hourly resources: 730 hours.</summary>
    public const double SecondsPerMonth = 730 * 3600;

    public const int MinMemoryMb = 128;
    public const int MaxMemoryMb = 10240;

    public decimal RequestsPerMonth { get; init; } = 10_000_000;

    /// <summary>The template's MemorySize.</summary>
    public int MemoryMb { get; init; } = 512;

    /// <summary>Billed duration of every invocation instead of the measured ones (the INIT phase stays measured).</summary>
    public double? DurationMs { get; init; }

    public Architecture Architecture { get; init; } = Architecture.X86_64;

    public ApiType Api { get; init; } = ApiType.Http;

    public bool FreeTier { get; init; }

    public OperationMix Mix { get; init; } = OperationMix.Default;

    /// <summary>
    /// Share of invocations that start a new execution environment. AWS's analysis quoted with the INIT billing change:
    /// cold starts typically occur in under 1% of invocations.
    /// </summary>
    public double ColdStartShare { get; init; } = 0.01;

    public CpuScaling CpuScaling { get; init; } = CpuScaling.None;

    /// <summary>POWERTOOLS_LOG_LEVEL: DEBUG (dev), INFO (staging) or WARN (prod, the default priced here).</summary>
    public string LogLevel { get; init; } = "WARN";

    /// <summary>Share of creates sent with an Idempotency-Key header (each writes an idempotency record).</summary>
    public double IdempotencyKeyShare { get; init; }

    /// <summary>Size of a product item in DynamoDB; null: the measured one (add createdBy and its token subject when writes are authorized).</summary>
    public int? ItemBytes { get; init; }

    /// <summary>Products stored in the table this month; null: the ones this month's creates wrote.</summary>
    public decimal? StoredProducts { get; init; }

    public double DurationScale => CpuScaling == CpuScaling.Proportional && MemoryMb < OneVcpuMemoryMb
        ? (double)OneVcpuMemoryMb / MemoryMb
        : 1;
}
