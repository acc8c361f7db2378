using Products.Cost.Pricing;

namespace Products.Cost.Model;

/// <summary>Prices a <see cref="Workload"/> from the price book and what the functions were measured to do.</summary>
public sealed class CostCalculator(PriceBook prices, MeasuredInputs measured)
{
    /// <summary>GB as AWS bills storage and data: 2^30 bytes.</summary>
    private const decimal BytesPerGb = 1024m * 1024m * 1024m;

    private const int WriteUnitBytes = 1024;
    private const int ReadUnitBytes = 4096;

    public PriceBook Prices => prices;

    public MeasuredInputs Measured => measured;

    public CostEstimate Estimate(Workload workload)
    {
        var functions = OperationNames.All.Select(o => Usage(workload, o)).ToList();
        return new CostEstimate(
            workload,
            Lambda(workload, functions),
            ApiGateway(workload),
            DynamoDb(workload, functions),
            Logs(workload, functions),
            Secrets(workload, functions),
            Ssm(workload, functions));
    }

    /// <summary>Billed milliseconds of one warm and one cold invocation of the operation's function.</summary>
    public (decimal Warm, decimal Cold) BilledMs(Workload workload, Operation operation)
    {
        var durations = measured.DurationsOf(operation);
        var scale = workload.DurationScale;
        var warm = workload.DurationMs ?? durations.WarmMs * scale;
        var firstInvocation = workload.DurationMs ?? durations.FirstInvocationMs * scale;
        // Each invocation's billed duration is rounded up to the next millisecond; a cold one bills INIT with it.
        return ((decimal)Math.Ceiling(warm), (decimal)Math.Ceiling((durations.InitMs * scale) + firstInvocation));
    }

    private FunctionUsage Usage(Workload workload, Operation operation)
    {
        var invocations = workload.RequestsPerMonth * (decimal)workload.Mix.ShareOf(operation);
        var cold = invocations * (decimal)workload.ColdStartShare;
        var (warmMs, coldMs) = BilledMs(workload, operation);
        var billedSeconds = (((invocations - cold) * warmMs) + (cold * coldMs)) / 1000m;
        return new FunctionUsage(operation, invocations, cold, warmMs, coldMs, billedSeconds * workload.MemoryMb / 1024m);
    }

    private LambdaCost Lambda(Workload workload, List<FunctionUsage> functions)
    {
        var requests = functions.Sum(f => f.Invocations);
        var gbSeconds = functions.Sum(f => f.GbSeconds);
        var lambda = prices.Lambda;
        return new LambdaCost(
            functions,
            requests,
            gbSeconds,
            lambda.Requests.Charge(requests, workload.FreeTier ? lambda.FreeRequests : 0),
            lambda.Duration(workload.Architecture).Charge(gbSeconds, workload.FreeTier ? lambda.FreeGbSeconds : 0));
    }

    private ApiGatewayCost ApiGateway(Workload workload)
    {
        var api = prices.ApiGateway;
        var usd = api.For(workload.Api).Charge(workload.RequestsPerMonth, workload.FreeTier ? api.FreeRequests : 0);
        return new ApiGatewayCost(workload.Api == ApiType.Rest ? "REST API" : "HTTP API", workload.RequestsPerMonth, usd);
    }

    private DynamoDbCost DynamoDb(Workload workload, List<FunctionUsage> functions)
    {
        var items = measured.Items;
        var itemBytes = workload.ItemBytes ?? items.ProductItemBytes;
        var creates = Invocations(functions, Operation.Create);

        // CreateProduct: one conditional put; with an Idempotency-Key also the idempotency record's writes.
        var writesPerCreate = Units(itemBytes, WriteUnitBytes)
            + ((decimal)workload.IdempotencyKeyShare * items.IdempotencyWritesPerKeyedCreate);
        // GetProduct: a strongly consistent GetItem. ListProducts: an eventually consistent Scan of one page.
        var readsPerGet = Units(itemBytes, ReadUnitBytes);
        var readsPerList = Units((long)itemBytes * items.ListPageSize, ReadUnitBytes) / 2m;

        var writeUnits = creates * writesPerCreate;
        var readUnits = (Invocations(functions, Operation.Get) * readsPerGet) + (Invocations(functions, Operation.List) * readsPerList);
        var stored = workload.StoredProducts ?? creates;
        var storageGb = stored * (itemBytes + prices.DynamoDb.StorageOverheadBytesPerItem) / BytesPerGb;
        var dynamo = prices.DynamoDb;
        return new DynamoDbCost(
            readUnits,
            writeUnits,
            stored,
            storageGb,
            dynamo.ReadRequestUnits.Charge(readUnits),
            dynamo.WriteRequestUnits.Charge(writeUnits),
            dynamo.StorageGbMonth.Charge(storageGb, workload.FreeTier ? dynamo.FreeStorageGb : 0));
    }

    private LogsCost Logs(Workload workload, List<FunctionUsage> functions)
    {
        var logs = measured.Logs;
        var bytes = 0m;
        foreach (var f in functions)
        {
            var perInvocation = LogMeasurements.BytesOf(logs.FunctionBytesPerInvocation, workload.LogLevel, f.Operation) + logs.PlatformBytesPerInvocation;
            var perColdStart = LogMeasurements.BytesOf(logs.FunctionBytesPerColdStart, workload.LogLevel, f.Operation) + logs.PlatformBytesPerColdStart;
            bytes += (f.Invocations * (decimal)perInvocation) + (f.ColdStarts * (decimal)perColdStart);
        }

        var gb = bytes / BytesPerGb;
        var price = prices.CloudWatchLogs;
        return new LogsCost(gb, price.LambdaLogsIngestion.Charge(gb, workload.FreeTier ? price.FreeIngestionGb : 0));
    }

    private SecretsCost Secrets(Workload workload, List<FunctionUsage> functions)
    {
        var calls = ParameterRefreshes(workload, functions);
        var secrets = prices.SecretsManager;
        // One secret per stage: the page-token key.
        return new SecretsCost(1, calls, secrets.SecretMonth.Charge(1), secrets.ApiCalls.Charge(calls));
    }

    private SsmCost Ssm(Workload workload, List<FunctionUsage> functions)
    {
        var calls = ParameterRefreshes(workload, functions);
        var ssm = prices.SystemsManager;
        // One standard parameter per stage (the paging settings), read by ListProducts through the same cache.
        return new SsmCost(1, calls, ssm.StandardParameterMonth.Charge(1) + ssm.StandardThroughputCalls.Charge(calls));
    }

    /// <summary>
    /// How often ListProducts' environments refetch a cached parameter (the settings, and the page-token key): once
    /// per cache age per busy environment. With requests spread evenly (a Poisson stream of rate λ per environment),
    /// a fetch is followed on average by λ × age cached reads, so fetches = invocations / (1 + λ × age). Environments
    /// = the concurrency the stream needs (λ × warm duration, at least one); more environments mean more fetches, up to
    /// one per invocation.
    /// </summary>
    private decimal ParameterRefreshes(Workload workload, List<FunctionUsage> functions)
    {
        var lists = Invocations(functions, Operation.List);
        if (lists == 0)
        {
            return 0;
        }

        var perSecond = (double)lists / Workload.SecondsPerMonth;
        var warmSeconds = (double)BilledMs(workload, Operation.List).Warm / 1000;
        var environments = Math.Max(1, Math.Ceiling(perSecond * warmSeconds));
        var perEnvironment = perSecond / environments;
        return lists / (decimal)(1 + (perEnvironment * Workload.ParameterCacheSeconds));
    }

    private static decimal Invocations(List<FunctionUsage> functions, Operation operation) =>
        functions.Single(f => f.Operation == operation).Invocations;

    /// <summary>Capacity units for <paramref name="bytes"/>: rounded up to whole units.</summary>
    private static decimal Units(long bytes, int unitBytes) => Math.Max(1, (bytes + unitBytes - 1) / unitBytes);
}
