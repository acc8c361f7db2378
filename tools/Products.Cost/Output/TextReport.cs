using System.Globalization;
using System.Text;
using Products.Cost.Model;
using Products.Cost.Pricing;

namespace Products.Cost.Output;

/// <summary>The human-readable estimate: what was assumed, then one table row per billed item, grouped by service.</summary>
internal static class TextReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Format(CostEstimate estimate, PriceBook prices, MeasuredInputs measured)
    {
        var w = estimate.Workload;
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"One month of the Products API on AWS ({prices.Region}, prices checked {prices.CheckedOn})");
        text.AppendLine(Invariant, $"  requests {w.RequestsPerMonth:N0}, mix {w.Mix}, memory {w.MemoryMb} MB, {Names.Of(w.Architecture)}, {Names.Of(w.Api)}, free tier {(w.FreeTier ? "applied" : "not applied")}");
        text.AppendLine(Invariant, $"  cold starts {w.ColdStartShare:0.###%} of invocations, log level {w.LogLevel}, idempotency keys on {w.IdempotencyKeyShare:0.###%} of creates");
        text.AppendLine(w.DurationMs is { } d
            ? string.Create(Invariant, $"  duration {d} ms per invocation (given), INIT as measured")
            : string.Create(Invariant, $"  durations measured: {measured.Durations.Variant}, {measured.Durations.Statistic}, {measured.Durations.Source} ({measured.Durations.RunAt}); CPU scaling {(w.CpuScaling == CpuScaling.Proportional ? string.Create(Invariant, $"x{w.DurationScale:0.##}") : "none")}"));
        text.AppendLine();

        var rows = new List<(string Item, string Quantity, decimal? Usd)>();
        var l = estimate.Lambda;
        rows.Add(("AWS Lambda", "", null));
        rows.Add(("  requests", $"{l.Requests:N0} requests", l.RequestsUsd));
        foreach (var f in l.Functions)
        {
            rows.Add(($"    {f.Operation.FunctionName()}", string.Create(Invariant, $"{f.Invocations:N0} ({f.ColdStarts:N0} cold), billed {f.WarmBilledMs} ms warm / {f.ColdBilledMs} ms cold: {f.GbSeconds:N1} GB-s"), null));
        }

        rows.Add(($"  compute ({Names.Of(w.Architecture)})", string.Create(Invariant, $"{l.GbSeconds:N1} GB-s"), l.ComputeUsd));
        rows.Add(($"Amazon API Gateway ({estimate.ApiGateway.Type})", string.Create(Invariant, $"{estimate.ApiGateway.Requests:N0} requests"), estimate.ApiGateway.Usd));
        var db = estimate.DynamoDb;
        rows.Add(("Amazon DynamoDB (on-demand)", "", null));
        rows.Add(("  reads", string.Create(Invariant, $"{db.ReadRequestUnits:N0} RRU"), db.ReadUsd));
        rows.Add(("  writes", string.Create(Invariant, $"{db.WriteRequestUnits:N0} WRU"), db.WriteUsd));
        rows.Add(("  storage", string.Create(Invariant, $"{db.StoredProducts:N0} products, {db.StorageGb:N3} GB"), db.StorageUsd));
        rows.Add(("Amazon CloudWatch Logs ingestion", string.Create(Invariant, $"{estimate.Logs.IngestedGb:N3} GB"), estimate.Logs.Usd));
        rows.Add(("AWS Secrets Manager", string.Create(Invariant, $"{estimate.Secrets.Secrets} secret, {estimate.Secrets.ApiCalls:N0} calls"), estimate.Secrets.Usd));
        rows.Add(("AWS Systems Manager parameters", string.Create(Invariant, $"{estimate.Ssm.Parameters} standard, {estimate.Ssm.ApiCalls:N0} calls"), estimate.Ssm.Usd));

        var itemWidth = rows.Max(r => r.Item.Length) + 2;
        var quantityWidth = rows.Max(r => r.Quantity.Length) + 2;
        text.AppendLine(Invariant, $"{"item".PadRight(itemWidth)}{"quantity".PadRight(quantityWidth)}{"USD",12}");
        foreach (var (item, quantity, usd) in rows)
        {
            var line = string.Create(Invariant, $"{item.PadRight(itemWidth)}{quantity.PadRight(quantityWidth)}{(usd is { } u ? u.ToString("N4", Invariant) : ""),12}");
            text.AppendLine(line.TrimEnd());
        }

        text.AppendLine(new string('-', itemWidth + quantityWidth + 12));
        text.AppendLine(Invariant, $"{"total".PadRight(itemWidth + quantityWidth)}{estimate.TotalUsd,12:N4}");
        text.AppendLine(Invariant, $"{"per million requests".PadRight(itemWidth + quantityWidth)}{estimate.UsdPerMillionRequests,12:N4}");
        var largest = estimate.Components[0];
        text.AppendLine(Invariant, $"largest item: {largest.Name} ({(estimate.TotalUsd == 0 ? 0 : largest.Usd / estimate.TotalUsd):0%} of the total)");
        return text.ToString();
    }
}

/// <summary>Display names of the options' values.</summary>
internal static class Names
{
    public static string Of(Architecture architecture) => architecture == Architecture.Arm64 ? "arm64" : "x86_64";

    public static string Of(ApiType api) => api == ApiType.Rest ? "REST API" : "HTTP API";
}
