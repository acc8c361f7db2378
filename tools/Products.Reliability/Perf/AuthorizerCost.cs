using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Products.Emulator.Hosting;
using Products.Emulator.Lambda;
using Products.Reliability.Load;

namespace Products.Reliability.Perf;

/// <summary>
/// What the JWT authorizer adds to a warm create: two local APIs from the same packages, one with template.yaml as it
/// is (POST /products behind the authorizer, requests carry a token) and one from a copy whose POST route opts out
/// (<c>Authorizer: NONE</c>, no token sent). Requests alternate between them one at a time, after a warm-up, so both
/// see the same machine load; the report gives each side's latency and the difference of the percentiles.
/// </summary>
internal static class AuthorizerCost
{
    private const string Body = """{"name":"Authorizer cost","price":1}""";

    public static async Task<string> RunAsync(string repositoryRoot, int requests, Action<string> progress, CancellationToken ct)
    {
        var copy = TemplateWithoutPostAuthorizer(repositoryRoot);
        try
        {
            progress("starting the API with the authorizer and the API without it (packaged build, data in memory) ...");
            var accessLog = new System.Collections.Concurrent.ConcurrentQueue<string>();
            await using var guarded = await StartAsync(repositoryRoot, null, accessLog.Enqueue, ct);
            await using var open = await StartAsync(repositoryRoot, Path.Combine(copy, "template.yaml"), _ => { }, ct);
            var token = guarded.Issuer!.Mint("authorizer-cost", ["products/write"], TimeSpan.FromHours(2));
            using var withAuth = Client(guarded.BaseAddress, token);
            using var without = Client(open.BaseAddress, null);

            progress("warming up (50 creates each) ...");
            for (var i = 0; i < 50; i++)
            {
                await PostAsync(withAuth, ct);
                await PostAsync(without, ct);
            }

            progress($"measuring {requests} creates each, alternating ...");
            accessLog.Clear();
            var authorized = new List<RequestSample>(requests);
            var unguarded = new List<RequestSample>(requests);
            for (var i = 0; i < requests; i++)
            {
                authorized.Add(await PostAsync(withAuth, ct));
                unguarded.Add(await PostAsync(without, ct));
            }

            var a = LatencySummary.Of("auth", authorized);
            var n = LatencySummary.Of("no-auth", unguarded);
            var step = LatencySummary.Of("authorizer step", [.. AuthorizerTimes(accessLog)]);
            return string.Join('\n',
                "warm POST /products through the local API, sequential, client-measured:",
                "  " + a.Format(),
                "  " + n.Format(),
                string.Create(CultureInfo.InvariantCulture,
                    $"  difference: p50 {a.P50 - n.P50:+0.00;-0.00} ms, p90 {a.P90 - n.P90:+0.00;-0.00} ms, p99 {a.P99 - n.P99:+0.00;-0.00} ms (end to end: machine noise included)"),
                string.Create(CultureInfo.InvariantCulture,
                    $"  the authorizer step itself (gateway access log auth=, {step.Count} requests): p50 {step.P50:0.000} ms, p90 {step.P90:0.000} ms, p99 {step.P99:0.000} ms, max {step.Max:0.000} ms"),
                string.Empty);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    // The " auth=0.123ms" of each guarded request's access-log line.
    private static IEnumerable<RequestSample> AuthorizerTimes(IEnumerable<string> lines) =>
        from line in lines
        where line.StartsWith("POST /products 201 ", StringComparison.Ordinal)
        let start = line.IndexOf(" auth=", StringComparison.Ordinal)
        where start > 0
        let text = line[(start + 6)..line.IndexOf("ms", start, StringComparison.Ordinal)]
        select new RequestSample("authorizer", 201, double.Parse(text, CultureInfo.InvariantCulture));

    private static Task<LocalApi> StartAsync(string repositoryRoot, string? templatePath, Action<string> output, CancellationToken ct) =>
        LocalApi.StartAsync(
            new LocalApiOptions
            {
                RepositoryRoot = repositoryRoot,
                TemplatePath = templatePath,
                Port = 0,
                InMemory = true,
                MaxEnvironmentsPerFunction = 2,
                Output = output,
                FunctionLogs = DiscardFunctionLogSink.Instance,
            },
            ct);

    private static HttpClient Client(Uri baseAddress, string? token)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(35) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private static async Task<RequestSample> PostAsync(HttpClient client, CancellationToken ct)
    {
        using var content = new StringContent(Body, Encoding.UTF8, "application/json");
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync("products", content, ct);
        await response.Content.ReadAsByteArrayAsync(ct);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"a create answered {(int)response.StatusCode}");
        }

        return new RequestSample("create", (int)response.StatusCode, elapsed);
    }

    // A folder holding links to the repository's entries and an edited template.yaml: relative CodeUri still resolve.
    private static string TemplateWithoutPostAuthorizer(string repositoryRoot)
    {
        const string guarded = "            Auth:\n              Authorizer: ProductsJwt\n              AuthorizationScopes:\n                - products/write\n";
        const string open = "            Auth:\n              Authorizer: NONE\n";
        var template = File.ReadAllText(Path.Combine(repositoryRoot, "template.yaml"));
        if (!template.Contains(guarded, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("template.yaml's POST /products Auth is not where this measurement expects it.");
        }

        var folder = Directory.CreateTempSubdirectory("products-authorizer-cost-").FullName;
        foreach (var entry in new DirectoryInfo(repositoryRoot).EnumerateFileSystemInfos().Where(e => e.Name != "template.yaml"))
        {
            var link = Path.Combine(folder, entry.Name);
            if (entry is DirectoryInfo)
            {
                Directory.CreateSymbolicLink(link, entry.FullName);
            }
            else
            {
                File.CreateSymbolicLink(link, entry.FullName);
            }
        }

        File.WriteAllText(Path.Combine(folder, "template.yaml"), template.Replace(guarded, open, StringComparison.Ordinal));
        return folder;
    }
}
