using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Products.Emulator.Auth;
using Products.Emulator.Docs;
using Products.Emulator.DynamoDb;
using Products.Emulator.Gateway;
using Products.Emulator.Lambda;
using Products.Emulator.Ssm;
using Products.Emulator.Template;

namespace Products.Emulator.Hosting;

/// <summary>
/// The whole API on one machine, driven by template.yaml: DynamoDB engine + tables, the SSM/Secrets endpoint, one
/// process pool per function, and the HTTP API in front. Disposing stops everything it started.
/// </summary>
public sealed class LocalApi : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _started = [];

    private LocalApi(LocalTemplate template)
    {
        Template = template;
    }

    public LocalTemplate Template { get; }

    /// <summary>The API's base address, e.g. http://127.0.0.1:3000/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The reference page (Swagger UI over openapi.yaml, "try it" against this API), e.g. http://127.0.0.1:3000/_local/docs.</summary>
    public Uri ReferencePageAddress { get; private set; } = null!;

    /// <summary>The repository's openapi.yaml with <c>servers</c> set to this API, e.g. http://127.0.0.1:3000/_local/openapi.yaml.</summary>
    public Uri OpenApiDocumentAddress { get; private set; } = null!;

    /// <summary>The DynamoDB endpoint the functions use.</summary>
    public Uri DynamoDbEndpoint { get; private set; } = null!;

    /// <summary>The local SSM endpoint (parameters and secrets) the functions use.</summary>
    public Uri SsmEndpoint { get; private set; } = null!;

    /// <summary>The local engine, when this run started one (null with --dynamodb-endpoint).</summary>
    public DynaliteServer? Dynalite { get; private set; }

    /// <summary>Parameters and secrets served to the functions.</summary>
    public LocalParameterStore Parameters { get; private set; } = null!;

    /// <summary>The function pools.</summary>
    public LambdaService Lambda { get; private set; } = null!;

    /// <summary>The stage whose parameters and secrets are served.</summary>
    public string Stage { get; private set; } = "dev";

    /// <summary>The local token issuer, or null when <see cref="LocalApiOptions.JwtIssuer"/> names another one.</summary>
    public LocalIssuer? Issuer { get; private set; }

    /// <summary>The issuer whose tokens the API's authorizers accept (<c>iss</c>).</summary>
    public string TrustedIssuer { get; private set; } = LocalIssuer.Issuer;

    /// <summary>What guards a route of <see cref="Template"/>: null for a public one.</summary>
    public RouteAuthorization? AuthorizationOf(ApiRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return Template.HttpApis.FirstOrDefault(api => api.LogicalId == route.ApiLogicalId)?.AuthorizationOf(route);
    }

    public static async Task<LocalApi> StartAsync(LocalApiOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var report = options.Output;
        var template = TemplateLoader.Load(
            options.TemplatePath ?? Path.Combine(options.RepositoryRoot, "template.yaml"),
            new TemplateLoadOptions
            {
                Stage = options.Stage,
                ParameterOverrides = options.ParameterOverrides,
                SamConfigPath = Path.Combine(options.RepositoryRoot, TemplateLoader.SamConfigFileName),
            });
        foreach (var resource in template.NotEmulated)
        {
            report($"template: {resource} is not emulated locally");
        }

        foreach (var warning in template.Warnings)
        {
            report($"template: warning: {warning}");
        }

        var api = new LocalApi(template);
        try
        {
            await api.StartPartsAsync(options, ct);
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    private async Task StartPartsAsync(LocalApiOptions options, CancellationToken ct)
    {
        var report = options.Output;
        Stage = Template.Parameters.TryGetValue("Stage", out var stage) ? stage.Value : options.Stage ?? "dev";

        var built = await new FunctionBuilder(options).BuildAsync(Template, ct);

        DynamoDbEndpoint = await StartDynamoDbAsync(options, ct);
        using (var client = new AmazonDynamoDBClient(
                   new BasicAWSCredentials(FunctionProcessEnvironment.AccessKeyId, FunctionProcessEnvironment.SecretAccessKey),
                   new AmazonDynamoDBConfig { ServiceURL = DynamoDbEndpoint.ToString(), AuthenticationRegion = Template.Region }))
        {
            await new TableProvisioner(client, report).EnsureAsync(Template.Tables, ct);
        }

        Parameters = OpenParameters(options, report);
        var ssm = await LocalSsmEndpoint.StartAsync(Parameters, options.SsmPort, ct);
        _started.Add(ssm);
        SsmEndpoint = new Uri(ssm.ServiceUrl);
        report($"ssm: parameters and secrets of stage {Stage} at {ssm.ServiceUrl} (local/parameters.{Stage}.json"
            + (Parameters.ChangesFile is { } changes ? $", changes put through it in {Path.GetRelativePath(options.RepositoryRoot, changes)})" : ")"));

        Lambda = new LambdaService(
            Template.Functions.Select(f => LaunchSpec(f, built, ssm.ServiceUrl)),
            new FunctionPoolOptions
            {
                MaxEnvironments = options.MaxEnvironmentsPerFunction,
                IdleTimeout = options.IdleTimeout,
                Environment = new ExecutionEnvironmentOptions { LogSink = options.FunctionLogs ?? new ConsoleFunctionLogSink() },
            });
        _started.Add(Lambda);
        foreach (var pool in Lambda.Pools.Where(p => p.Spec.ProvisionedConcurrency > 0))
        {
            var provisioned = await pool.ProvisionAsync(ct);
            report(provisioned is PrewarmResult.Failed failed
                ? $"lambda: provisioned concurrency of {pool.Spec.LogicalId} could not start: {failed.Message}"
                : $"lambda: {pool.Counters.Alive} provisioned environment(s) of {pool.Spec.LogicalId} ready");
        }

        var authorizers = StartAuthorizers(options);

        // Swagger UI is installed in the background: the API does not wait for it, a request for the page does.
        var reference = new ApiReference(options.RepositoryRoot, report);
        _started.Add(reference);
        reference.StartInstall();

        var gateway = await GatewayHost.StartAsync(
            new RouteTable(Routes(authorizers)),
            new LambdaFunctionInvoker(Lambda, report),
            GatewayOptionsFor(report) with { ApiReference = reference },
            options.Port,
            ct);
        _started.Add(gateway);
        BaseAddress = gateway.BaseAddress;
        ReferencePageAddress = new Uri(BaseAddress, ApiReference.PagePath);
        OpenApiDocumentAddress = new Uri(BaseAddress, ApiReference.DocumentPath);
    }

    private async Task<Uri> StartDynamoDbAsync(LocalApiOptions options, CancellationToken ct)
    {
        if (options.DynamoDbEndpoint is not null)
        {
            options.Output($"dynamodb: using {options.DynamoDbEndpoint}");
            return options.DynamoDbEndpoint;
        }

        var dataPath = options.InMemory
            ? null
            : options.DataDirectory ?? Path.Combine(options.RepositoryRoot, ".products-local", $"dynamodb-{Stage}");
        if (dataPath is not null)
        {
            Directory.CreateDirectory(dataPath);
        }

        Dynalite = await DynaliteServer.StartAsync(new DynaliteOptions(options.RepositoryRoot, options.DynamoDbPort, dataPath), ct);
        _started.Add(Dynalite);
        options.Output($"dynamodb: dynalite at {Dynalite.ServiceUrl} ({(dataPath is null ? "in memory" : "data in " + Path.GetRelativePath(options.RepositoryRoot, dataPath))})");
        return Dynalite.ServiceUrl;
    }

    private LocalParameterStore OpenParameters(LocalApiOptions options, Action<string> report)
    {
        // Parameters put through the endpoint (aws ssm put-parameter) outlive a restart in the git-ignored data folder,
        // never in the committed local/ files; an in-memory run keeps them in memory like its data.
        var changes = options.InMemory ? null : Path.Combine(options.RepositoryRoot, ".products-local", "ssm");
        var store = LocalParameterStore.OpenStage(Path.Combine(options.RepositoryRoot, "local"), Stage, changesDirectory: changes);
        // The template's own parameters and generated secrets exist locally too, so a fresh clone runs as deployed.
        foreach (var parameter in Template.SsmParameters.Where(p => store.FindParameter(p.Name) is null))
        {
            store.SetParameter(parameter.Name, ParameterType(parameter.Type), parameter.Value);
            report($"ssm: {parameter.Name} from template.yaml (not in the local file)");
        }

        foreach (var secret in Template.Secrets.Where(s => s.GeneratesSecretString && store.FindSecret(s.Name) is null))
        {
            store.EnsureSecret(secret.Name);
            report($"ssm: generated local secret {secret.Name}");
        }

        return store;
    }

    private static LocalParameterType ParameterType(string type) => type switch
    {
        "StringList" => LocalParameterType.StringList,
        "SecureString" => LocalParameterType.SecureString,
        _ => LocalParameterType.String,
    };

    private FunctionLaunchSpec LaunchSpec(FunctionDefinition function, BuiltFunctions built, string ssmUrl)
    {
        var environment = FunctionEnvironment.From(function, built.OptDirectory);
        environment["AWS_ENDPOINT_URL_DYNAMODB"] = DynamoDbEndpoint.ToString().TrimEnd('/');
        environment["AWS_ENDPOINT_URL_SSM"] = ssmUrl.TrimEnd('/');
        return FunctionLaunchSpec.ForDotnetBuildOutput(
            function.LogicalId,
            function.FunctionName,
            function.Handler,
            built.FunctionDirectories[function.LogicalId],
            environment,
            TimeSpan.FromSeconds(function.Timeout),
            function.MemorySize,
            Template.Region) with
        {
            SnapStart = function.SnapStart,
            ProvisionedConcurrency = function.ProvisionedConcurrency ?? 0,
        };
    }

    private IEnumerable<RouteDefinition> Routes(Dictionary<string, JwtAuthorizer> authorizers) =>
        from function in Template.Functions
        from route in function.Events
        let authorization = AuthorizationOf(route)
        select new RouteDefinition(
            route.Method.ToUpperInvariant(),
            route.Path,
            function.LogicalId,
            route.PayloadFormatVersion == "1.0" ? PayloadFormat.V1 : PayloadFormat.V2)
        {
            Authorizer = authorization is null
                ? null
                : new RouteAuthorizer(authorizers[authorization.Authorizer.Name], authorization.Scopes),
        };

    // The template's JWT authorizers, each trusting the local issuer (whose key stands in for the stage's Cognito user
    // pool or external issuer) unless --jwt-issuer names the issuer to trust. Identity source and scopes are the template's.
    private Dictionary<string, JwtAuthorizer> StartAuthorizers(LocalApiOptions options)
    {
        var report = options.Output;
        ISigningKeySource keys;
        IReadOnlyList<string> audiences;
        if (options.JwtIssuer is { } external)
        {
            var audience = options.JwtAudience
                           ?? (Template.Parameters.TryGetValue("JwtAudience", out var parameter) && parameter.Value.Length > 0 ? parameter.Value : null)
                           ?? throw new ArgumentException("--jwt-issuer needs the audience its tokens carry: give --jwt-audience (or the template parameter JwtAudience).");
            var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var source = new OidcDiscoveryKeySource(external, http, TimeProvider.System);
            _started.Add(new DisposeBoth(source, http));
            keys = source;
            audiences = [audience];
            TrustedIssuer = external.ToString();
        }
        else
        {
            var issuer = LocalIssuer.LoadOrCreate(
                LocalIssuer.KeyPath(options.RepositoryRoot), TimeProvider.System);
            Issuer = issuer;
            keys = issuer;
            audiences = [LocalIssuer.Audience];
        }

        var authorizers = new Dictionary<string, JwtAuthorizer>(StringComparer.Ordinal);
        foreach (var definition in Template.HttpApis.SelectMany(api => api.Authorizers.Values))
        {
            authorizers[definition.Name] = new JwtAuthorizer(
                new JwtAuthorizerSettings(definition.Name, definition.IdentityHeader, TrustedIssuer, audiences),
                keys,
                TimeProvider.System);
            report($"auth: {definition.Name} trusts {TrustedIssuer} (audience {string.Join(", ", audiences)}) instead of {definition.Issuer}");
        }

        return authorizers;
    }

    private sealed class DisposeBoth(IDisposable first, IDisposable second) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            first.Dispose();
            second.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private GatewayOptions GatewayOptionsFor(Action<string> report)
    {
        // One port serves the template's HTTP API; its stage name and CORS configuration apply to every route.
        var httpApi = Template.HttpApis.Count > 0 ? Template.HttpApis[0] : null;
        var cors = httpApi?.Cors;
        return new GatewayOptions
        {
            Stage = httpApi?.StageName ?? HttpApiDefinition.DefaultStageName,
            LocalIssuer = Issuer,
            Cors = cors,
            AccessLog = report,
            DiagnosticLog = report,
        };
    }

    public async ValueTask DisposeAsync()
    {
        // Reverse start order: stop taking requests first, then functions, then what they depend on.
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            await _started[i].DisposeAsync();
        }

        _started.Clear();
    }
}
