using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Products.Reliability.Target;

namespace Products.Reliability.Load;

/// <summary>
/// Drives an open-model load: virtual user i starts at i / rate seconds after the start, whether or not earlier ones
/// have finished. A creator POSTs a product with its own <c>Idempotency-Key</c> (retried with the same key by the
/// profile's <see cref="RetryPolicy"/>) and GETs it back; a lister GETs one page.
/// </summary>
internal sealed class LoadDriver(HttpClient http)
{
    private readonly Stopwatch _clock = new();

    private const string Json = "application/json";

    /// <summary>The words before the key in each created product's description: how verification finds a key's products.</summary>
    public const string KeyMarker = " with key ";

    public async Task<LoadResult> RunAsync(LoadProfile profile, int seed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var random = new Random(seed);
        // Keys unique to this run: the hosted API keeps its data on disk, and an earlier run's key would be a replay.
        var run = Guid.NewGuid().ToString("N")[..12];
        var samples = new ConcurrentQueue<RequestSample>();
        var created = new ConcurrentQueue<KeyedCreate>();
        var mismatches = new ConcurrentQueue<string>();
        var users = new List<Task>(profile.Arrivals);
        _clock.Restart();
        var clock = _clock;
        var maxLag = TimeSpan.Zero;
        for (var i = 0; i < profile.Arrivals; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)profile.ArrivalsPerSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, ct);
            }

            maxLag = TimeSpan.FromTicks(Math.Max(maxLag.Ticks, (clock.Elapsed - due).Ticks));
            var creates = random.NextDouble() < profile.CreateShare;
            var price = random.Next(0, 100_000_00) / 100m;
            var user = i;
            var jitter = new Random(random.Next());
            users.Add(Task.Run(
                () => creates
                    ? CreateThenReadAsync(user, $"load-{run}-{user}", price, profile.Retry, jitter, samples, created, mismatches, ct)
                    : ListAsync(profile.PageSize, samples, ct),
                ct));
        }

        var arrivalsTook = clock.Elapsed;
        await Task.WhenAll(users);
        return new LoadResult(profile, [.. samples], [.. created], [.. mismatches], arrivalsTook, clock.Elapsed, maxLag);
    }

    private async Task CreateThenReadAsync(
        int user, string key, decimal price, RetryPolicy retry, Random jitter, ConcurrentQueue<RequestSample> samples,
        ConcurrentQueue<KeyedCreate> created, ConcurrentQueue<string> mismatches, CancellationToken ct)
    {
        var body = string.Create(CultureInfo.InvariantCulture,
            $$"""{"name":"Load product {{user}}","price":{{price}},"description":"Created by virtual user {{user}}{{KeyMarker}}{{key}}","category":"load"}""");
        var statuses = new List<int>(retry.MaxAttempts);
        string? text = null;
        var replayed = false;
        for (var attempt = 1; attempt <= retry.MaxAttempts; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "products") { Content = new StringContent(body, Encoding.UTF8, Json) };
            request.Headers.Add("Idempotency-Key", key);
            var answer = await SendAsync("create", () => http.SendAsync(request, ct), samples, ct);
            statuses.Add(answer.Status);
            if (answer.Status == (int)HttpStatusCode.Created)
            {
                (text, replayed) = (answer.Body, answer.Replayed);
                break;
            }

            if (!RetryPolicy.IsRetryable(answer.Status) || attempt == retry.MaxAttempts)
            {
                break;
            }

            await Task.Delay(RetryPolicy.Delay(attempt + 1, answer.RetryAfter, jitter), ct);
        }

        if (text is null)
        {
            created.Enqueue(new KeyedCreate(key, statuses, null, false));
            return;
        }

        var product = Created(text);
        created.Enqueue(new KeyedCreate(key, statuses, product, replayed));
        var (readStatus, readText, _, _) = await SendAsync("read", () => http.GetAsync("products/" + product.Id, ct), samples, ct);
        if (readStatus == (int)HttpStatusCode.OK && readText is not null && DataJson(readText) != product.DataJson)
        {
            mismatches.Enqueue($"{product.Id}: created {product.DataJson}, read {DataJson(readText)}");
        }
        else if (readStatus is (int)HttpStatusCode.NotFound or >= 500)
        {
            // A throttled read-back (429) is counted with the statuses; the verification reads every product again.
            mismatches.Enqueue($"{product.Id}: read back answered {readStatus}");
        }
    }

    private async Task ListAsync(int pageSize, ConcurrentQueue<RequestSample> samples, CancellationToken ct) =>
        await SendAsync("list", () => http.GetAsync($"products?limit={pageSize}", ct), samples, ct);

    private async Task<Answer> SendAsync(
        string operation, Func<Task<HttpResponseMessage>> send, ConcurrentQueue<RequestSample> samples, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var sentAt = _clock.Elapsed.TotalSeconds;
        try
        {
            using var response = await send();
            var body = await response.Content.ReadAsStringAsync(ct);
            samples.Enqueue(new RequestSample(operation, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, sentAt));
            return new Answer(
                (int)response.StatusCode,
                body,
                response.Headers.RetryAfter?.Delta,
                response.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Contains("true"));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            samples.Enqueue(new RequestSample(operation, 0, Stopwatch.GetElapsedTime(started).TotalMilliseconds, sentAt));
            return new Answer(0, null, null, false);
        }
    }

    private readonly record struct Answer(int Status, string? Body, TimeSpan? RetryAfter, bool Replayed);

    public static CreatedProduct Created(string responseBody)
    {
        using var document = JsonDocument.Parse(responseBody);
        var data = document.RootElement.GetProperty("data");
        return new CreatedProduct(data.GetProperty("id").GetString()!, data.GetRawText());
    }

    public static string DataJson(string responseBody)
    {
        using var document = JsonDocument.Parse(responseBody);
        return document.RootElement.GetProperty("data").GetRawText();
    }
}
