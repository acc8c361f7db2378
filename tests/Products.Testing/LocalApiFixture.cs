using Products.Emulator.Hosting;
using Products.Emulator.Lambda;
using Products.Testing.OpenApi;
using Xunit;

namespace Products.Testing;

/// <summary>
/// The whole local API, started in-process the way <c>dotnet run --project tools/Products.Local</c> starts it: the
/// template's tables in dynalite, the local SSM endpoint, one process pool per function and the HTTP API in front, on a
/// free port. Use it as an xunit class or collection fixture (derive to pass options), or create, initialize and
/// dispose it yourself. Tests share the API, never data: each creates the products it reads.
/// </summary>
public class LocalApiFixture : IAsyncLifetime, IAsyncDisposable
{
    // Builds of the function projects done by this process, by configuration: one per run, whatever the fixtures.
    private static readonly SemaphoreSlim BuildGate = new(1, 1);
    private static readonly HashSet<string> ProjectBuilds = new(StringComparer.Ordinal);

    private readonly CapturedLines _output = new();
    private readonly CapturedLines _functionLogs = new();
    private LocalApi? _api;
    private string? _templateCopy;

    /// <summary>template.yaml as it is, data in memory, existing function build output.</summary>
    public LocalApiFixture()
        : this(new LocalApiFixtureOptions())
    {
    }

    public LocalApiFixture(LocalApiFixtureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    public LocalApiFixtureOptions Options { get; }

    /// <summary>The API's base address, e.g. http://127.0.0.1:41234/ (routes are served at the root, as the CLI does).</summary>
    public Uri BaseAddress => Api.BaseAddress;

    /// <summary>
    /// A client for the API (base address set; no retries), sending a local write token (<see cref="WriterSubject"/>) with
    /// every request. Every answer it gets is checked against openapi.yaml (<see cref="CheckContract"/>).
    /// </summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>Answers that broke openapi.yaml, from every client made by <see cref="CreateClient"/> or <see cref="CheckContract"/>.</summary>
    public ContractViolations ContractViolations { get; } = new();

    /// <summary>
    /// A client for the API without a token, whose answers are checked against openapi.yaml like <see cref="Client"/>'s.
    /// </summary>
    public HttpClient CreateClient() =>
        new(CheckContract(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }))
        {
            BaseAddress = Api.BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };

    /// <summary>
    /// Wraps a client's handler so every answer is checked against openapi.yaml: a violation throws
    /// <see cref="OpenApiContractException"/> at the request and is kept in <see cref="ContractViolations"/>, which
    /// <see cref="DisposeAsync"/> throws again (for a violation inside code that swallowed the first throw).
    /// </summary>
    public HttpMessageHandler CheckContract(HttpMessageHandler inner) =>
        new ContractCheckingHandler(OpenApiContract.Repository, ContractViolations, inner);

    /// <summary>The template's functions by logical id, e.g. CreateProductFunction.</summary>
    public IReadOnlyList<string> Functions => [.. Api.Template.Functions.Select(f => f.LogicalId)];

    /// <summary>The DynamoDB endpoint the functions use.</summary>
    public Uri DynamoDbEndpoint => Api.DynamoDbEndpoint;

    /// <summary>Progress, route and access-log lines the emulator printed, in order.</summary>
    public IReadOnlyList<string> Output => _output.Snapshot;

    /// <summary>Everything the function processes wrote, each line prefixed with the function's name.</summary>
    public IReadOnlyList<string> FunctionLogs => _functionLogs.Snapshot;

    private LocalApi Api => _api ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>The running API itself, for suites that drive its parts (tools/Products.Reliability's faults).</summary>
    public LocalApi HostedApi => Api;

    /// <summary>Process ids of a function's idle (warm) environments, the one the next request reuses last.</summary>
    public IReadOnlyList<int> IdleProcessIds(string function) => Api.Lambda[function].ProcessIds;

    /// <summary>A function's environment counters right now.</summary>
    public FunctionCounters Counters(string function)
    {
        var counters = Api.Lambda[function].Counters;
        return new FunctionCounters(counters.Started, counters.Alive, counters.Busy);
    }

    /// <summary>Freezes dynalite (SIGSTOP): DynamoDB calls hang until <see cref="ResumeDynamoDb"/>.</summary>
    public void PauseDynamoDb() => Dynalite.Pause();

    /// <summary>Unfreezes dynalite after <see cref="PauseDynamoDb"/>.</summary>
    public void ResumeDynamoDb() => Dynalite.Resume();

    private Emulator.DynamoDb.DynaliteServer Dynalite =>
        Api.Dynalite ?? throw new InvalidOperationException("This API uses another DynamoDB endpoint.");

    /// <summary>The <c>sub</c> of the token <see cref="Client"/> sends: the <c>createdBy</c> of what it creates.</summary>
    public const string WriterSubject = "tests-writer";

    /// <summary>
    /// A token of the API's local issuer (the one its authorizer trusts), e.g. <c>Token("alice", TimeSpan.FromMinutes(5),
    /// "products/write")</c>; no scopes gives a token that POST answers with 403.
    /// </summary>
    public string Token(string subject, TimeSpan lifetime, params string[] scopes) =>
        (Api.Issuer ?? throw new InvalidOperationException("This API trusts another issuer."))
        .Mint(subject, scopes, lifetime);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var templatePath = Options.EditTemplate is null ? null : _templateCopy = WriteTemplateCopy(Options.EditTemplate);
        var build = Options.Build switch
        {
            LocalApiBuild.Existing => BuildMode.Prebuilt,
            LocalApiBuild.Project => BuildMode.Project,
            LocalApiBuild.Packaged => BuildMode.Packaged,
            var other => throw new ArgumentOutOfRangeException(nameof(Options), other, "Unknown build"),
        };
        var options = new LocalApiOptions
        {
            RepositoryRoot = RepositoryRoot.Path,
            TemplatePath = templatePath,
            Stage = Options.Stage,
            ParameterOverrides = Options.ParameterOverrides,
            Port = 0,
            InMemory = Options.DataDirectory is null,
            DataDirectory = Options.DataDirectory,
            Build = build,
            Configuration = Options.Configuration,
            MaxEnvironmentsPerFunction = Options.MaxConcurrency,
            IdleTimeout = Options.IdleTimeout,
            Output = _output.Add,
            FunctionLogs = _functionLogs,
        };

        _api = await StartAsync(options);
        Client = CreateClient();

        // A writer's client: every request carries a local token with products/write, as a real caller's would.
        Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer", Token(WriterSubject, TimeSpan.FromDays(1), "products/write"));
    }

    // A build runs once per process and configuration; concurrent fixtures wait for it instead of building alongside.
    private static async Task<LocalApi> StartAsync(LocalApiOptions options)
    {
        if (options.Build == BuildMode.Prebuilt)
        {
            return await LocalApi.StartAsync(options, CancellationToken.None);
        }

        await BuildGate.WaitAsync();
        try
        {
            if (options.Build == BuildMode.Project && !ProjectBuilds.Add(options.Configuration))
            {
                options = options with { Build = BuildMode.Prebuilt };
            }

            // Packaged builds are skipped by the emulator itself when sources did not change.
            return await LocalApi.StartAsync(options, CancellationToken.None);
        }
        finally
        {
            BuildGate.Release();
        }
    }

    // The copy sits in a folder of its own whose other entries link to the repository's, so CodeUri and ContentUri
    // (relative to the template) find the real function and layer folders.
    private static string WriteTemplateCopy(Func<string, string> edit)
    {
        var original = File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.Path, "template.yaml"));
        var edited = edit(original);
        if (edited == original)
        {
            throw new InvalidOperationException("EditTemplate did not change template.yaml: the edit no longer matches the template.");
        }

        var folder = Directory.CreateTempSubdirectory("products-template-").FullName;
        foreach (var entry in new DirectoryInfo(RepositoryRoot.Path).EnumerateFileSystemInfos())
        {
            if (entry.Name != "template.yaml")
            {
                var link = System.IO.Path.Combine(folder, entry.Name);
                if (entry is DirectoryInfo)
                {
                    Directory.CreateSymbolicLink(link, entry.FullName);
                }
                else
                {
                    File.CreateSymbolicLink(link, entry.FullName);
                }
            }
        }

        var path = System.IO.Path.Combine(folder, "template.yaml");
        File.WriteAllText(path, edited);
        return path;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
            _api = null;
        }

        if (_templateCopy is not null)
        {
            // Links first, one by one and never recursively, so nothing they point to can be deleted.
            var folder = new DirectoryInfo(System.IO.Path.GetDirectoryName(_templateCopy)!);
            foreach (var entry in folder.EnumerateFileSystemInfos())
            {
                if (entry.LinkTarget is null)
                {
                    entry.Delete();
                }
                else
                {
                    File.Delete(entry.FullName); // unlink: removes the link itself, even one to a folder.
                }
            }

            folder.Delete();
            _templateCopy = null;
        }

        ContractViolations.ThrowIfAny();
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
