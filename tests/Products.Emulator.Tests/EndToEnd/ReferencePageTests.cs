using System.Text.Json;
using Microsoft.Playwright;
using Products.Emulator.Auth;
using Products.Testing;

namespace Products.Emulator.Tests.EndToEnd;

/// <summary>
/// The reference page at /_local/docs in a real headless Chromium (Debian's, installed by
/// <see cref="DebianChromium"/> when missing): it loads from this emulator alone without errors, shows the three
/// operations, and a product created with its "try it" (the page's own local token) appears in the list that follows.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class ReferencePageTests(SharedApi.Fixture api) : IDisposable
{
    // Playwright adds --headless, --no-sandbox (no chromiumSandbox), --no-first-run, --disable-background-networking,
    // --disable-component-update and --disable-sync itself, with a new empty user data folder; these are the rest of
    // what Chromium needs on a machine without a GPU or a network beyond loopback.
    private static readonly string[] ChromiumArguments =
    [
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    // The document's three operations as the page titles them (method and path), in ordinal order.
    private static readonly string[] Operations = ["GET /products", "GET /products/{id}", "POST /products"];

    // How long the page, and each awaited change on it, may take: a cold start of a function on a busy machine included
    // (Playwright's own default for expectations is 5 seconds).
    private const float TimeoutMilliseconds = 60_000;

    private readonly HttpClient anonymous = new() { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

    [Fact]
    public async Task ReferencePage_LoadsLocallyWithoutErrors_ShowsTheOperations_AndItsTryItCreatesAListedProduct()
    {
        var executable = await DebianChromium.EnsureInstalledAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ChromiumArguments,
        });
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(TimeoutMilliseconds);
        var problems = new List<string>();
        var foreignRequests = new List<string>();
        var creates = new List<IRequest>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add("console: " + message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is not "data" && url.Authority != api.BaseAddress.Authority)
            {
                foreignRequests.Add(request.Url);
            }

            if (request.Method == "POST" && url.AbsolutePath == "/products")
            {
                creates.Add(request);
            }
        };
        var name = "Reference page lamp " + Guid.NewGuid().ToString("N")[..8];

        var opened = await page.GotoAsync(new Uri(api.BaseAddress, "_local/docs").ToString());
        var operations = page.Locator(".opblock");
        await Assertions.Expect(operations).ToHaveCountAsync(3, new() { Timeout = TimeoutMilliseconds });
        var shown = await page.Locator(".opblock-summary").EvaluateAllAsync<string[]>(
            "blocks => blocks.map(b => b.querySelector('.opblock-summary-method').textContent + ' ' + b.querySelector('.opblock-summary-path').textContent.replace(/\\u200b/g, ''))");
        await Assertions.Expect(page.Locator("#local-token")).ToContainTextAsync("local access token", new() { Timeout = TimeoutMilliseconds });

        var create = page.Locator(".opblock-post");
        await create.Locator(".opblock-summary").ClickAsync();
        await create.GetByRole(AriaRole.Button, new() { Name = "Try it out" }).ClickAsync();
        await create.Locator("textarea.body-param__text").FillAsync(
            JsonSerializer.Serialize(new Dictionary<string, object> { ["name"] = name, ["price"] = 24.99, ["category"] = "docs" }));
        await create.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();
        var status = create.Locator(".live-responses-table tr.response .response-col_status");
        await Assertions.Expect(status).ToHaveTextAsync("201", new() { Timeout = TimeoutMilliseconds });

        var listed = (await ProductsClient.ListAllPagesAsync(anonymous, 100)).SelectMany(p => p)
            .Where(product => product.GetProperty("name").GetString() == name)
            .ToList();

        Assert.True(opened?.Ok, $"GET /_local/docs answered {opened?.Status}");
        Assert.Empty(problems);
        Assert.Empty(foreignRequests);
        Assert.Equal(Operations, shown.Order(StringComparer.Ordinal));
        var sent = Assert.Single(creates);
        Assert.StartsWith("Bearer ", (await sent.AllHeadersAsync())["authorization"], StringComparison.Ordinal);
        var product = Assert.Single(listed);
        Assert.Equal(LocalIssuer.DefaultSubject, product.GetProperty("createdBy").GetString());
        Assert.Equal(24.99m, product.GetProperty("price").GetDecimal());
    }

    public void Dispose() => anonymous.Dispose();
}
