using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Products.Reliability.Load;
using Products.Reliability.Target;

namespace Products.Reliability.Faults;

/// <summary>
/// Faults played against the hosted API with its on-disk DynamoDB engine: the engine killed mid-load and restarted,
/// the engine paused (SIGSTOP) past the function timeout, and a function process killed mid-request. Every answer is
/// checked (503 + Retry-After or the documented gateway status, never 500, never a hang) and, at the end of each,
/// every acknowledged write is looked up in the table.
/// </summary>
public sealed class FaultSuite(ApiTarget target, FaultTimings timings)
{
    private const string CreateFunction = "CreateProductFunction";
    private const string GetFunction = "GetProductFunction";

    private static readonly TimeSpan FunctionTimeout = TimeSpan.FromSeconds(10);

    public async Task<FaultReport> RunAsync(CancellationToken ct) => new(
    [
        await EngineOutageAsync(ct),
        await EnginePauseAsync(ct),
        await FunctionCrashAsync(ct),
    ]);

    /// <summary>Kill dynalite under a steady create load, keep it down, start it again on the same data.</summary>
    public async Task<FaultOutcome> EngineOutageAsync(CancellationToken ct)
    {
        var observations = new List<string>();
        var clock = Stopwatch.StartNew();
        using var stopLoad = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var answers = new ConcurrentQueue<Answer>();
        var load = SteadyCreatesAsync(answers, clock, stopLoad.Token);

        await Task.Delay(timings.Before, ct);
        var down = clock.Elapsed;
        await target.Dynalite.StopAsync();
        await Task.Delay(timings.Outage, ct);
        await target.Dynalite.StartAsync(ct);
        var up = clock.Elapsed;
        var recovery = await FirstCreateAfterAsync(clock, up, ct);
        await Task.Delay(timings.After, ct);
        await stopLoad.CancelAsync();
        await load;

        var during = answers.Where(a => a.Sent >= down && a.Sent < up).ToArray();
        var passed = CheckOutageAnswers(during, observations);
        passed &= await NoAcknowledgedWriteLostAsync(answers, observations, ct);
        observations.Insert(0, string.Create(CultureInfo.InvariantCulture,
            $"{answers.Count} creates at {timings.CreatesPerSecond}/s; engine down {(up - down).TotalSeconds:0.0} s; answers sent during the outage: {Statuses(during)}"));
        return new FaultOutcome("DynamoDB engine killed mid-load, restarted on the same data", passed && recovery is not null, observations, recovery);
    }

    /// <summary>SIGSTOP dynalite for longer than the function timeout: connections hang instead of failing.</summary>
    public async Task<FaultOutcome> EnginePauseAsync(CancellationToken ct)
    {
        var observations = new List<string>();
        var startedBefore = target.Pool(CreateFunction).Counters.Started;
        var clock = Stopwatch.StartNew();
        var answers = new ConcurrentQueue<Answer>();
        target.Dynalite.Pause();
        TimeSpan resumed;
        try
        {
            var requests = Enumerable.Range(0, 3).Select(i => CreateAsync(answers, clock, ct)).ToArray();
            await Task.Delay(FunctionTimeout + TimeSpan.FromSeconds(2), ct);
            target.Dynalite.Resume();
            resumed = clock.Elapsed;
            await Task.WhenAll(requests);
        }
        finally
        {
            target.Dynalite.Resume();
        }

        var recovery = await FirstCreateAfterAsync(clock, resumed, ct);
        var during = answers.ToArray();
        var passed = CheckOutageAnswers(during, observations);
        passed &= await NoAcknowledgedWriteLostAsync(answers, observations, ct);
        var startedAfter = target.Pool(CreateFunction).Counters.Started;
        observations.Insert(0, string.Create(CultureInfo.InvariantCulture,
            $"engine paused {FunctionTimeout.TotalSeconds + 2:0} s (function timeout {FunctionTimeout.TotalSeconds:0} s); answers: {Statuses(during)}; environments started meanwhile: {startedAfter - startedBefore}"));
        return new FaultOutcome("DynamoDB engine paused (SIGSTOP) past the function timeout", passed && recovery is not null, observations, recovery);
    }

    /// <summary>Kill the GetProduct process while it serves a request (held there by pausing the engine).</summary>
    public async Task<FaultOutcome> FunctionCrashAsync(CancellationToken ct)
    {
        var observations = new List<string>();
        using var created = await target.Http.PostAsync("products", Draft(), ct);
        var id = LoadDriver.Created(await created.Content.ReadAsStringAsync(ct)).Id;
        using (var warm = await target.Http.GetAsync("products/" + id, ct))
        {
            observations.Add($"warm-up GET answered {(int)warm.StatusCode}");
        }

        target.Dynalite.Pause();
        int crashedStatus;
        try
        {
            var inFlight = target.Http.GetAsync("products/" + id, ct);
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            var processes = FunctionProcesses.Of("GetProduct");
            observations.Add($"killed {processes.Count} GetProduct process(es) mid-request");
            foreach (var pid in processes)
            {
                FunctionProcesses.Kill(pid);
            }

            using var response = await inFlight;
            crashedStatus = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(ct);
            observations.Add($"the interrupted request answered {crashedStatus} {body}");
        }
        finally
        {
            target.Dynalite.Resume();
        }

        var clock = Stopwatch.StartNew();
        using var next = await target.Http.GetAsync("products/" + id, ct);
        observations.Add(string.Create(CultureInfo.InvariantCulture,
            $"the next request answered {(int)next.StatusCode} after {clock.Elapsed.TotalMilliseconds:0} ms (a new environment, cold start included)"));
        return new FaultOutcome(
            "function process killed mid-request",
            crashedStatus == (int)HttpStatusCode.BadGateway && next.StatusCode == HttpStatusCode.OK,
            observations,
            clock.Elapsed);
    }

    private static bool CheckOutageAnswers(IReadOnlyCollection<Answer> answers, List<string> observations)
    {
        var passed = true;
        foreach (var answer in answers)
        {
            if (answer.Status is 500 or 0)
            {
                observations.Add($"answer {answer.Status} ({(answer.Status == 0 ? "no answer" : "500")}) at {answer.Sent.TotalSeconds:0.0} s");
                passed = false;
            }
            else if (answer.Status == 503 && !answer.HasRetryAfter)
            {
                observations.Add($"503 without Retry-After at {answer.Sent.TotalSeconds:0.0} s");
                passed = false;
            }
            else if (answer.Status is not (201 or 503))
            {
                observations.Add($"unexpected {answer.Status} at {answer.Sent.TotalSeconds:0.0} s");
                passed = false;
            }

            if (answer.Took > FunctionTimeout)
            {
                observations.Add(string.Create(CultureInfo.InvariantCulture, $"an answer took {answer.Took.TotalSeconds:0.0} s, past the function timeout"));
                passed = false;
            }
        }

        var slowest = answers.Count == 0 ? TimeSpan.Zero : answers.Max(a => a.Took);
        observations.Add(string.Create(CultureInfo.InvariantCulture, $"slowest answer {slowest.TotalMilliseconds:0} ms (function timeout {FunctionTimeout.TotalSeconds:0} s)"));
        return passed;
    }

    private async Task<bool> NoAcknowledgedWriteLostAsync(IEnumerable<Answer> answers, List<string> observations, CancellationToken ct)
    {
        var acknowledged = answers.Where(a => a.CreatedId is not null).Select(a => a.CreatedId!).ToArray();
        var items = await target.Table!.ScanAllAsync(ct);
        var lost = acknowledged.Where(id => !items.ContainsKey(id)).ToArray();
        observations.Add($"{acknowledged.Length} writes acknowledged (201), {lost.Length} missing from the table");
        return lost.Length == 0;
    }

    private async Task SteadyCreatesAsync(ConcurrentQueue<Answer> answers, Stopwatch clock, CancellationToken stop)
    {
        var requests = new List<Task>();
        var period = TimeSpan.FromSeconds(1.0 / timings.CreatesPerSecond);
        for (var next = clock.Elapsed; !stop.IsCancellationRequested; next += period)
        {
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            requests.Add(CreateAsync(answers, clock, CancellationToken.None));
        }

        await Task.WhenAll(requests);
    }

    private async Task CreateAsync(ConcurrentQueue<Answer> answers, Stopwatch clock, CancellationToken ct)
    {
        var sent = clock.Elapsed;
        try
        {
            using var response = await target.Http.PostAsync("products", Draft(), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            answers.Enqueue(new Answer(
                sent,
                clock.Elapsed - sent,
                (int)response.StatusCode,
                response.Headers.RetryAfter is not null,
                response.StatusCode == HttpStatusCode.Created ? LoadDriver.Created(body).Id : null));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            answers.Enqueue(new Answer(sent, clock.Elapsed - sent, 0, false, null));
        }
    }

    /// <summary>Time from <paramref name="since"/> until a create succeeds again (probing every 50 ms, up to 30 s).</summary>
    private async Task<TimeSpan?> FirstCreateAfterAsync(Stopwatch clock, TimeSpan since, CancellationToken ct)
    {
        while (clock.Elapsed - since < TimeSpan.FromSeconds(30))
        {
            using var response = await target.Http.PostAsync("products", Draft(), ct);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return clock.Elapsed - since;
            }

            await Task.Delay(50, ct);
        }

        return null;
    }

    private static StringContent Draft() =>
        new("""{"name":"Fault probe","price":1.5,"category":"faults"}""", Encoding.UTF8, "application/json");

    private static string Statuses(IEnumerable<Answer> answers) =>
        string.Join(" ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "no-answer" : g.Key)}×{g.Count()}"));

    private sealed record Answer(TimeSpan Sent, TimeSpan Took, int Status, bool HasRetryAfter, string? CreatedId);
}

/// <summary>How long each phase of the engine outage lasts, and the create rate kept up meanwhile.</summary>
public sealed record FaultTimings(TimeSpan Before, TimeSpan Outage, TimeSpan After, int CreatesPerSecond)
{
    public static FaultTimings Full { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), 20);

    public static FaultTimings Quick { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 10);
}
