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
/// have finished. A creator POSTs a product and GETs it back; a lister GETs one page.
/// </summary>
internal sealed class LoadDriver(HttpClient http)
{
    private const string Json = "application/json";

    public async Task<LoadResult> RunAsync(LoadProfile profile, int seed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var random = new Random(seed);
        var samples = new ConcurrentQueue<RequestSample>();
        var created = new ConcurrentQueue<CreatedProduct>();
        var mismatches = new ConcurrentQueue<string>();
        var users = new List<Task>(profile.Arrivals);
        var clock = Stopwatch.StartNew();
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
            users.Add(Task.Run(
                () => creates
                    ? CreateThenReadAsync(user, price, samples, created, mismatches, ct)
                    : ListAsync(profile.PageSize, samples, ct),
                ct));
        }

        var arrivalsTook = clock.Elapsed;
        await Task.WhenAll(users);
        return new LoadResult(profile, [.. samples], [.. created], [.. mismatches], arrivalsTook, clock.Elapsed, maxLag);
    }

    private async Task CreateThenReadAsync(
        int user, decimal price, ConcurrentQueue<RequestSample> samples, ConcurrentQueue<CreatedProduct> created,
        ConcurrentQueue<string> mismatches, CancellationToken ct)
    {
        var body = string.Create(CultureInfo.InvariantCulture,
            $$"""{"name":"Load product {{user}}","price":{{price}},"description":"Created by virtual user {{user}}.","category":"load"}""");
        using var content = new StringContent(body, Encoding.UTF8, Json);
        var (status, text) = await SendAsync("create", () => http.PostAsync("products", content, ct), samples, ct);
        if (status != (int)HttpStatusCode.Created || text is null)
        {
            return;
        }

        var product = Created(text);
        created.Enqueue(product);
        var (readStatus, readText) = await SendAsync("read", () => http.GetAsync("products/" + product.Id, ct), samples, ct);
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

    private static async Task<(int Status, string? Body)> SendAsync(
        string operation, Func<Task<HttpResponseMessage>> send, ConcurrentQueue<RequestSample> samples, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await send();
            var body = await response.Content.ReadAsStringAsync(ct);
            samples.Enqueue(new RequestSample(operation, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            return ((int)response.StatusCode, body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            samples.Enqueue(new RequestSample(operation, 0, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            return (0, null);
        }
    }

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
