using System.Globalization;
using System.Text;
using Products.Reliability.Target;

namespace Products.Reliability.Load;

/// <summary>The load suite: run the profile, then verify every acknowledged write against the table.</summary>
public sealed class LoadSuite(ApiTarget target)
{
    public async Task<LoadReport> RunAsync(LoadProfile profile, int seed, CancellationToken ct)
    {
        await WarmUpAsync(ct);
        List<RequestSample> warmUp = [];
        foreach (var step in profile.WarmUpSteps())
        {
            warmUp.AddRange((await new LoadDriver(target.Http).RunAsync(step, seed, ct)).Samples);
        }

        var before = target.Table is null ? 0 : (await target.Table.ScanAllAsync(ct)).Count;
        var result = await new LoadDriver(target.Http).RunAsync(profile, seed, ct);
        var verification = target.Table is null
            ? null
            : await new WriteVerification(target).VerifyAsync(result.Creates, before, ct);
        var started = target.Local?.Lambda.Pools.ToDictionary(pool => pool.Spec.LogicalId, pool => pool.Counters.Started);
        return new LoadReport(result, verification) { EnvironmentsStarted = started, WarmUp = warmUp };
    }

    /// <summary>
    /// One environment per function started and used once before the arrivals, as a deployed API has served traffic
    /// before a load test; further environments start during the run (their cold starts are in the figures).
    /// </summary>
    private async Task WarmUpAsync(CancellationToken ct)
    {
        if (target.Local is { } local)
        {
            foreach (var pool in local.Lambda.Pools)
            {
                await pool.PrewarmAsync(ct);
            }
        }

        using var created = await target.Http.PostAsync(
            "products", new StringContent("""{"name":"Warm-up","price":1}""", System.Text.Encoding.UTF8, "application/json"), ct);
        if (created.StatusCode == System.Net.HttpStatusCode.Created)
        {
            var id = LoadDriver.Created(await created.Content.ReadAsStringAsync(ct)).Id;
            using var read = await target.Http.GetAsync("products/" + id, ct);
        }

        using var list = await target.Http.GetAsync("products?limit=1", ct);
    }
}

/// <summary>Latency and statuses per operation, and the table verification.</summary>
public sealed record LoadReport(LoadResult Result, WriteVerificationResult? Verification)
{
    /// <summary>The warm-up ramp's requests (not in the figures; their writes happen before the table is counted).</summary>
    public IReadOnlyList<RequestSample> WarmUp { get; init; } = [];

    /// <summary>Execution environments each function started, warm-up included (hosted in this process only).</summary>
    public IReadOnlyDictionary<string, int>? EnvironmentsStarted { get; init; }

    private static readonly string[] Operations = ["create", "read", "list"];
    private const int TimelineSeconds = 10;

    public IReadOnlyList<LatencySummary> Summaries =>
    [
        .. Operations.Select(op => LatencySummary.Of(op, [.. Result.Samples.Where(s => s.Operation == op)])),
        LatencySummary.Of("all", [.. Result.Samples]),
    ];

    public bool Passed => Result.ServerErrors == 0 && Result.NoAnswer == 0 && Result.ReadBackMismatches.Count == 0
        && (Verification?.Passed ?? true);

    public string Format()
    {
        var text = new StringBuilder();
        var profile = Result.Profile;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"load: {profile.Arrivals} virtual users at {profile.ArrivalsPerSecond}/s for {profile.Duration.TotalSeconds:0} s ({profile.CreateShare:P0} create + read back, the rest list {profile.PageSize}); arrivals took {Result.ArrivalsTook.TotalSeconds:0.0} s (latest start {Result.MaxArrivalLag.TotalMilliseconds:0} ms late), all done after {Result.Took.TotalSeconds:0.0} s");
        if (WarmUp.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  warm-up before it ({profile.WarmUp.TotalSeconds:0} s ramping to {profile.ArrivalsPerSecond}/s in five steps; not in the figures below):");
            text.Append("    ").AppendLine(LatencySummary.Of("all", WarmUp).Format());
        }

        foreach (var summary in Summaries)
        {
            text.Append("  ").AppendLine(summary.Format());
        }

        if (EnvironmentsStarted is { } environments)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  environments started: {string.Join(", ", environments.Select(e => $"{e.Key} {e.Value}"))}");
        }

        // Where in the run the slow and throttled requests were: the start (cold environments) or all along.
        text.AppendLine("  timeline (by when a request was sent):");
        foreach (var window in Result.Samples.GroupBy(s => (int)(s.SentAtSecond / TimelineSeconds)).OrderBy(g => g.Key))
        {
            text.Append("    ").AppendLine(LatencySummary.Of(
                string.Create(CultureInfo.InvariantCulture, $"{window.Key * TimelineSeconds,2}-{(window.Key + 1) * TimelineSeconds}s"),
                [.. window]).Format());
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"  5xx: {Result.ServerErrors}, no answer: {Result.NoAnswer}, read-back mismatches: {Result.ReadBackMismatches.Count}");
        var creates = Result.Creates;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  retrying client (Idempotency-Key, up to {profile.Retry.MaxAttempts} attempts): {creates.Count} keys, {creates.Count(c => c.Acknowledged is not null)} acknowledged ({creates.Count(c => c.Replayed)} by a replay), {creates.Count(c => c.Acknowledged is null)} given up or refused; {creates.Sum(c => c.Retries)} retries after {(Result.RetriedAfter.Count == 0 ? "nothing" : string.Join(" ", Result.RetriedAfter.Select(s => $"{(s.Key == 0 ? "no-answer" : s.Key)}×{s.Value}")))}");
        foreach (var mismatch in Result.ReadBackMismatches.Take(10))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {mismatch}");
        }

        text.Append(Verification?.Format() ?? "verify: skipped (no table: give --dynamodb-endpoint and --table with --url)\n");
        return text.ToString();
    }
}
