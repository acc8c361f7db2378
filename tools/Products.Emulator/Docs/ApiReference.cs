using System.Text;
using Products.Emulator.Gateway;
using Products.Emulator.Npm;

namespace Products.Emulator.Docs;

/// <summary>
/// The local API's reference page, under the emulator's reserved <c>/_local/</c> prefix: <see cref="DocumentPath"/>
/// serves the repository's openapi.yaml with <c>servers</c> set to the API that answers, and <see cref="PagePath"/>
/// renders it with Swagger UI, pinned in <c>tools/api-reference</c> and installed there with <c>npm ci</c> in the
/// background at start (a request for one of its files waits for that install). Every file the page loads comes from
/// this emulator: the page's own (<c>tools/api-reference/page</c>) and a fixed list from the installed package.
/// </summary>
internal sealed class ApiReference : IAsyncDisposable
{
    public const string DocumentPath = "/_local/openapi.yaml";

    public const string PagePath = "/_local/docs";

    private const string RendererPackage = "swagger-ui-dist";

    private static readonly string RendererEntryPoint = Path.Combine("node_modules", RendererPackage, "swagger-ui-bundle.js");

    // The page's files and the renderer files it loads, by path under the page; nothing else is served.
    private static readonly Dictionary<string, (string File, string ContentType, bool FromRenderer)> Files = new(StringComparer.Ordinal)
    {
        [PagePath] = ("index.html", "text/html; charset=utf-8", false),
        [PagePath + "/"] = ("index.html", "text/html; charset=utf-8", false),
        [PagePath + "/reference.js"] = ("reference.js", "text/javascript; charset=utf-8", false),
        [PagePath + "/reference.css"] = ("reference.css", "text/css; charset=utf-8", false),
        [PagePath + "/swagger-ui/swagger-ui-bundle.js"] = ("swagger-ui-bundle.js", "text/javascript; charset=utf-8", true),
        [PagePath + "/swagger-ui/swagger-ui-bundle.js.map"] = ("swagger-ui-bundle.js.map", "application/json", true),
        [PagePath + "/swagger-ui/swagger-ui.css"] = ("swagger-ui.css", "text/css; charset=utf-8", true),
        [PagePath + "/swagger-ui/swagger-ui.css.map"] = ("swagger-ui.css.map", "application/json", true),
        [PagePath + "/swagger-ui/favicon-32x32.png"] = ("favicon-32x32.png", "image/png", true),
        [PagePath + "/swagger-ui/favicon-16x16.png"] = ("favicon-16x16.png", "image/png", true),
    };

    // Only this emulator's files, scripts and calls; Swagger UI sets inline styles and draws icons from data: URIs.
    private const string PagePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private readonly string _documentFile;
    private readonly string _pageDirectory;
    private readonly string _packageDirectory;
    private readonly Action<string> _report;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _installGate = new();
    private Task? _install;

    public ApiReference(string repositoryRoot, Action<string> report)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        ArgumentNullException.ThrowIfNull(report);
        _documentFile = Path.Combine(repositoryRoot, "openapi.yaml");
        _packageDirectory = Path.Combine(repositoryRoot, "tools", "api-reference");
        _pageDirectory = Path.Combine(_packageDirectory, "page");
        _report = report;
    }

    /// <summary>Starts installing the renderer (nothing when it is installed already); requests wait for it.</summary>
    public void StartInstall() => _ = Installing();

    /// <summary>The answer for <paramref name="path"/>, or null when it is none of the reference's paths.</summary>
    /// <param name="path">The request's path, under <c>/_local/</c>.</param>
    /// <param name="apiAddress">The API's address as the client reached it: the document's server.</param>
    /// <param name="ct">The request's cancellation.</param>
    public async Task<GatewayResponse?> AnswerAsync(string path, Uri apiAddress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(apiAddress);
        if (path == DocumentPath)
        {
            return await DocumentAsync(apiAddress, ct).ConfigureAwait(false);
        }

        if (!Files.TryGetValue(path, out var file))
        {
            return null;
        }

        if (file.FromRenderer)
        {
            try
            {
                await Installing().WaitAsync(ct).ConfigureAwait(false);
            }
            catch (NpmInstallException)
            {
                // Installing() has reported why.
                return Json(503, """{"message":"The reference page's renderer could not be installed: npm ci in tools/api-reference failed (the emulator's output says why)."}""");
            }
        }

        var source = file.FromRenderer
            ? Path.Combine(_packageDirectory, "node_modules", RendererPackage, file.File)
            : Path.Combine(_pageDirectory, file.File);
        var body = await File.ReadAllBytesAsync(source, ct).ConfigureAwait(false);
        List<KeyValuePair<string, string>> headers =
        [
            new("Content-Type", file.ContentType),
            new("Cache-Control", "no-cache"),
            new("X-Content-Type-Options", "nosniff"),
        ];
        if (file.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            headers.Add(new("Content-Security-Policy", PagePolicy));
        }

        return new GatewayResponse(200, headers, body);
    }

    private async Task<GatewayResponse> DocumentAsync(Uri apiAddress, CancellationToken ct)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(_documentFile, ct).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return GatewayErrors.NotFound();
        }

        var served = OpenApiServers.Replace(text, apiAddress, "This local API (the emulator serving this document)");
        return new GatewayResponse(
            200,
            [
                // RFC 9512: the media type of YAML.
                new("Content-Type", "application/yaml; charset=utf-8"),
                new("Cache-Control", "no-cache"),
                new("X-Content-Type-Options", "nosniff"),
            ],
            Encoding.UTF8.GetBytes(served));
    }

    // One install at a time; a failed one is retried by the next request instead of failing every request after it.
    private Task Installing()
    {
        lock (_installGate)
        {
            if (_install is null || _install.IsFaulted || _install.IsCanceled)
            {
                _install = NpmPackageInstaller.EnsureInstalledAsync(_packageDirectory, RendererEntryPoint, ignoreScripts: true, _stopping.Token);
                _install.ContinueWith(
                    static (failed, report) => ((Action<string>)report!)($"docs: Swagger UI could not be installed: {failed.Exception!.GetBaseException().Message}"),
                    _report,
                    CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted,
                    TaskScheduler.Default);
            }

            return _install;
        }
    }

    private static GatewayResponse Json(int status, string body) =>
        new(status, [new("Content-Type", "application/json")], Encoding.UTF8.GetBytes(body));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task? install;
        lock (_installGate)
        {
            install = _install;
        }

        if (install is not null)
        {
            try
            {
                await install.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or NpmInstallException)
            {
                // Stopping: an interrupted install is redone at the next start (its marker file is missing).
            }
        }

        _stopping.Dispose();
    }
}
