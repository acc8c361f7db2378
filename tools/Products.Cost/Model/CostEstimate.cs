namespace Products.Cost.Model;

/// <summary>One month's bill for a <see cref="Workload"/>, per component; amounts in USD, unrounded.</summary>
public sealed record CostEstimate(
    Workload Workload,
    LambdaCost Lambda,
    ApiGatewayCost ApiGateway,
    DynamoDbCost DynamoDb,
    LogsCost Logs,
    SecretsCost Secrets,
    SsmCost Ssm)
{
    public decimal TotalUsd => Lambda.Usd + ApiGateway.Usd + DynamoDb.Usd + Logs.Usd + Secrets.Usd + Ssm.Usd;

    public decimal UsdPerMillionRequests => Workload.RequestsPerMonth == 0 ? 0 : TotalUsd / (Workload.RequestsPerMonth / 1_000_000m);

    /// <summary>Components by cost, largest first (name, USD).</summary>
    public IReadOnlyList<(string Name, decimal Usd)> Components =>
        new[]
        {
            ("API Gateway", ApiGateway.Usd),
            ("Lambda requests", Lambda.RequestsUsd),
            ("Lambda compute", Lambda.ComputeUsd),
            ("DynamoDB", DynamoDb.Usd),
            ("CloudWatch Logs", Logs.Usd),
            ("Secrets Manager", Secrets.Usd),
            ("SSM", Ssm.Usd),
        }.OrderByDescending(c => c.Item2).ToList();
}

/// <summary>One function's share of the Lambda bill.</summary>
public sealed record FunctionUsage(
    Operation Operation,
    decimal Invocations,
    decimal ColdStarts,
    decimal WarmBilledMs,
    decimal ColdBilledMs,
    decimal GbSeconds);

public sealed record LambdaCost(
    IReadOnlyList<FunctionUsage> Functions,
    decimal Requests,
    decimal GbSeconds,
    decimal RequestsUsd,
    decimal ComputeUsd)
{
    public decimal Usd => RequestsUsd + ComputeUsd;
}

public sealed record ApiGatewayCost(string Type, decimal Requests, decimal Usd);

public sealed record DynamoDbCost(
    decimal ReadRequestUnits,
    decimal WriteRequestUnits,
    decimal StoredProducts,
    decimal StorageGb,
    decimal ReadUsd,
    decimal WriteUsd,
    decimal StorageUsd)
{
    public decimal Usd => ReadUsd + WriteUsd + StorageUsd;
}

public sealed record LogsCost(decimal IngestedGb, decimal Usd);

public sealed record SecretsCost(decimal Secrets, decimal ApiCalls, decimal SecretUsd, decimal ApiCallsUsd)
{
    public decimal Usd => SecretUsd + ApiCallsUsd;
}

public sealed record SsmCost(decimal Parameters, decimal ApiCalls, decimal Usd);
