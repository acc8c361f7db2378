using System.Collections.Concurrent;
using Products.Emulator.DynamoDb;
using Products.Emulator.Hosting;
using Products.Emulator.Lambda;

namespace Products.Reliability.Target;

/// <summary>
/// The API under test: the local API hosted in this process (template.yaml, dynalite on disk in a fresh folder, the
/// function processes), or an API already running at a URL. Faults need the hosted one: only it can stop its engine
/// and reach its function processes.
/// </summary>
public sealed class ApiTarget : IAsyncDisposable
{
    private readonly string? _dataDirectory;
    private bool _ownsLocal = true;

    private ApiTarget(
        Uri baseAddress,
        ProductTable? table,
        LocalApi? local,
        string? dataDirectory,
        string? writeToken,
        Func<HttpMessageHandler, HttpMessageHandler>? wrapHandler = null)
    {
        BaseAddress = baseAddress;
        Table = table;
        Local = local;
        _dataDirectory = dataDirectory;
        Http = ApiHttp.CreateClient(baseAddress, wrapHandler);
        if (writeToken is not null)
        {
            Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", writeToken);
        }

        Anonymous = ApiHttp.CreateClient(baseAddress, wrapHandler);
    }

    /// <summary>The sub of the write token the hosted API's suites send.</summary>
    public const string WriterSubject = "reliability";

    private const int MaxKeptServerErrors = 200;

    public Uri BaseAddress { get; }

    /// <summary>Access-log lines of 5xx answers of the hosted API (the first 200): what went wrong, by request id.</summary>
    public IReadOnlyCollection<string> ServerErrorLog { get; private init; } = [];

    /// <summary>
    /// Requests to the API, each with the write token (products/write) as a writer sends them; its timeout is past the
    /// 30-second integration timeout, so a hang shows as one.
    /// </summary>
    public HttpClient Http { get; }

    /// <summary>Requests without a token, for the hostile tokens that set their own Authorization.</summary>
    public HttpClient Anonymous { get; }

    /// <summary>The table behind the API, when known (always for the hosted API).</summary>
    public ProductTable? Table { get; }

    /// <summary>The hosted API, or null for an API at a URL.</summary>
    public LocalApi? Local { get; }

    public DynaliteServer Dynalite =>
        Local?.Dynalite ?? throw new InvalidOperationException("Faults need the API hosted by this command (no --url).");

    public static async Task<ApiTarget> StartLocalAsync(LocalTargetOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A fresh on-disk table: item counts are exact, and the engine can be killed and restarted without losing data.
        var data = Path.Combine(Path.GetTempPath(), "products-reliability-" + Guid.NewGuid().ToString("N")[..12]);
        LocalApi? api = null;
        var serverErrors = new ConcurrentQueue<string>();
        try
        {
            api = await LocalApi.StartAsync(
                new LocalApiOptions
                {
                    RepositoryRoot = options.RepositoryRoot,
                    Port = 0,
                    DataDirectory = data,
                    Build = options.Build,
                    Configuration = options.Configuration,
                    MaxEnvironmentsPerFunction = options.MaxConcurrency,
                    Output = line =>
                    {
                        if (!IsAccessLogLine(line))
                        {
                            options.Progress(line);
                        }
                        else if (IsServerError(line) && serverErrors.Count < MaxKeptServerErrors)
                        {
                            serverErrors.Enqueue(line);
                        }
                    },
                    FunctionLogs = options.FunctionLogs ? new ConsoleFunctionLogSink() : DiscardFunctionLogSink.Instance,
                },
                ct);
            var table = api.Template.Table(ProductTable.LogicalId);
            return new ApiTarget(
                api.BaseAddress,
                new ProductTable(api.DynamoDbEndpoint, table.TableName, api.Template.Region),
                api,
                data,
                WriteToken(api)) { ServerErrorLog = serverErrors };
        }
        catch
        {
            if (api is not null)
            {
                await api.DisposeAsync();
            }

            DeleteData(data);
            throw;
        }
    }

    /// <summary>A local API started by someone else (a test fixture), left running on dispose.</summary>
    /// <param name="wrapHandler">Wraps the clients' connection handler (the tests check every answer against openapi.yaml), or null.</param>
    public static ApiTarget ForRunning(LocalApi api, Func<HttpMessageHandler, HttpMessageHandler>? wrapHandler = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        var table = api.Template.Table(ProductTable.LogicalId);
        return new ApiTarget(api.BaseAddress, new ProductTable(api.DynamoDbEndpoint, table.TableName, api.Template.Region), api, null, WriteToken(api), wrapHandler)
        {
            _ownsLocal = false,
        };
    }

    /// <param name="writeToken">The bearer token (scope products/write) writes are sent with; null sends none.</param>
    public static ApiTarget AtUrl(Uri url, Uri? dynamoDbEndpoint, string? tableName, string region, string? writeToken) => new(
        url,
        dynamoDbEndpoint is null || tableName is null ? null : new ProductTable(dynamoDbEndpoint, tableName, region),
        null,
        null,
        writeToken);

    // A day is longer than any suite runs.
    private static string? WriteToken(LocalApi api) =>
        api.Issuer?.Mint(WriterSubject, ["products/write"], TimeSpan.FromDays(1));

    /// <summary>The pool of one function of the hosted API (by logical id, e.g. CreateProductFunction).</summary>
    public FunctionPool Pool(string logicalId) =>
        Local?.Lambda[logicalId] ?? throw new InvalidOperationException("Only the hosted API exposes its function pools.");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Anonymous.Dispose();
        Table?.Dispose();
        if (Local is not null && _ownsLocal)
        {
            await Local.DisposeAsync();
        }

        if (_dataDirectory is not null)
        {
            DeleteData(_dataDirectory);
        }
    }

    // The gateway's access log: "<method> <path> <status> ...". Only those start with an HTTP method.
    private static bool IsAccessLogLine(string line) =>
        line.StartsWith("GET ", StringComparison.Ordinal) || line.StartsWith("POST ", StringComparison.Ordinal)
        || line.StartsWith("PUT ", StringComparison.Ordinal) || line.StartsWith("DELETE ", StringComparison.Ordinal)
        || line.StartsWith("PATCH ", StringComparison.Ordinal) || line.StartsWith("OPTIONS ", StringComparison.Ordinal)
        || line.StartsWith("HEAD ", StringComparison.Ordinal);

    private static bool IsServerError(string line)
    {
        var fields = line.Split(' ', 4);
        return fields.Length > 2 && fields[2].Length == 3 && fields[2][0] == '5';
    }

    private static void DeleteData(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
