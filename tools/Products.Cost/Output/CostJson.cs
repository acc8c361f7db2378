using System.Text.Json;
using System.Text.Json.Serialization;
using Products.Cost.Model;
using Products.Cost.Pricing;

namespace Products.Cost.Output;

/// <summary>The machine-readable estimate (<c>--json</c>): USD rounded to 6 decimals, quantities to 3.</summary>
internal sealed record CostJson(
    string Region,
    string PricesCheckedOn,
    InputsJson Inputs,
    LambdaJson Lambda,
    ApiGatewayJson ApiGateway,
    [property: JsonPropertyName("dynamodb")] DynamoDbJson DynamoDb,
    LogsJson Logs,
    SecretsJson Secrets,
    SsmJson Ssm,
    decimal TotalUsd,
    decimal UsdPerMillionRequests)
{
    public static CostJson From(CostEstimate estimate, PriceBook prices)
    {
        var w = estimate.Workload;
        var l = estimate.Lambda;
        var d = estimate.DynamoDb;
        return new CostJson(
            prices.Region,
            prices.CheckedOn,
            new InputsJson(
                w.RequestsPerMonth,
                w.MemoryMb,
                w.Architecture == Architecture.Arm64 ? "arm64" : "x86_64",
                w.Api == ApiType.Rest ? "rest" : "http",
                w.FreeTier,
                w.Mix.ToString(),
                w.ColdStartShare,
                w.DurationMs,
                w.CpuScaling == CpuScaling.Proportional ? "proportional" : "none",
                w.LogLevel,
                w.IdempotencyKeyShare,
                w.ItemBytes),
            new LambdaJson(
                Q(l.Requests),
                Q(l.GbSeconds),
                Usd(l.RequestsUsd),
                Usd(l.ComputeUsd),
                Usd(l.Usd),
                l.Functions.Select(f => new FunctionJson(
                    f.Operation.FunctionName(), Q(f.Invocations), Q(f.ColdStarts), f.WarmBilledMs, f.ColdBilledMs, Q(f.GbSeconds))).ToList()),
            new ApiGatewayJson(estimate.ApiGateway.Type, Q(estimate.ApiGateway.Requests), Usd(estimate.ApiGateway.Usd)),
            new DynamoDbJson(
                Q(d.ReadRequestUnits), Q(d.WriteRequestUnits), Q(d.StoredProducts), Math.Round(d.StorageGb, 6),
                Usd(d.ReadUsd), Usd(d.WriteUsd), Usd(d.StorageUsd), Usd(d.Usd)),
            new LogsJson(Math.Round(estimate.Logs.IngestedGb, 6), Usd(estimate.Logs.Usd)),
            new SecretsJson(estimate.Secrets.Secrets, Q(estimate.Secrets.ApiCalls), Usd(estimate.Secrets.SecretUsd), Usd(estimate.Secrets.ApiCallsUsd), Usd(estimate.Secrets.Usd)),
            new SsmJson(estimate.Ssm.Parameters, Q(estimate.Ssm.ApiCalls), Usd(estimate.Ssm.Usd)),
            Usd(estimate.TotalUsd),
            Usd(estimate.UsdPerMillionRequests));
    }

    public string Serialize() => JsonSerializer.Serialize(this, CostJsonContext.Default.CostJson);

    private static decimal Usd(decimal value) => Math.Round(value, 6);

    private static decimal Q(decimal value) => Math.Round(value, 3);
}

internal sealed record InputsJson(
    decimal RequestsPerMonth,
    int MemoryMb,
    string Architecture,
    string Api,
    bool FreeTier,
    string Mix,
    double ColdStartShare,
    double? DurationMs,
    string CpuScaling,
    string LogLevel,
    double IdempotencyKeyShare,
    int? ItemBytes);

internal sealed record FunctionJson(string Function, decimal Invocations, decimal ColdStarts, decimal WarmBilledMs, decimal ColdBilledMs, decimal GbSeconds);

internal sealed record LambdaJson(decimal Requests, decimal GbSeconds, decimal RequestsUsd, decimal ComputeUsd, decimal Usd, IReadOnlyList<FunctionJson> Functions);

internal sealed record ApiGatewayJson(string Type, decimal Requests, decimal Usd);

internal sealed record DynamoDbJson(
    decimal ReadRequestUnits, decimal WriteRequestUnits, decimal StoredProducts, decimal StorageGb,
    decimal ReadUsd, decimal WriteUsd, decimal StorageUsd, decimal Usd);

internal sealed record LogsJson(decimal IngestedGb, decimal Usd);

internal sealed record SecretsJson(decimal Secrets, decimal ApiCalls, decimal SecretUsd, decimal ApiCallsUsd, decimal Usd);

internal sealed record SsmJson(decimal Parameters, decimal ApiCalls, decimal Usd);
