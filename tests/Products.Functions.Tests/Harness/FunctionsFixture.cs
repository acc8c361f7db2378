using System.Text.Json;
using Amazon.DynamoDBv2;
using Products.Emulator.Gateway;
using Products.Emulator.Hosting;
using Products.Emulator.Lambda;
using Products.Emulator.Ssm;
using Products.Emulator.Template;
using Products.Testing;

namespace Products.Functions.Tests.Harness;

/// <summary>
/// The three built functions running as real processes against the emulator's Runtime API, with a table of their own
/// in dynalite and their settings and page-token secret served by the local SSM endpoint.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public class FunctionsFixture : IAsyncLifetime
{
    public const string List = "ListProducts";
    public const string Create = "CreateProduct";
    public const string Get = "GetProduct";

    private const string SettingsParameter = "/products/test/settings";
    private const string TokenSecret = "products/test/page-token-key";

    private LocalSsmEndpoint? ssm;
    private LambdaService? lambda;

    public DynaliteFixture Dynalite { get; } = new();

    public string TableName { get; private set; } = string.Empty;

    public string IdempotencyTableName { get; private set; } = string.Empty;

    public IAmazonDynamoDB Client { get; private set; } = null!;

    internal LocalParameterStore Parameters { get; } = LocalParameterStore.CreateInMemory();

    internal LambdaService Lambda => lambda!;

    /// <summary>Every line the function processes wrote, prefixed with the function name.</summary>
    internal CapturedLines Logs { get; } = new();

    public async Task InitializeAsync()
    {
        await Dynalite.InitializeAsync();
        Client = Dynalite.CreateClient();
        TableName = await Dynalite.CreateProductsTableAsync();
        IdempotencyTableName = await Dynalite.CreateIdempotencyTableAsync();
        Parameters.SetParameter(SettingsParameter, LocalParameterType.String, """{"defaultPageSize":2,"maxPageSize":5}""");
        Parameters.EnsureSecret(TokenSecret);
        ssm = await LocalSsmEndpoint.StartAsync(Parameters, 0, CancellationToken.None);
        var ssmUrl = ssm.ServiceUrl.TrimEnd('/');

        // Each function's environment as template.yaml gives it and the emulator places it (no layer: project builds),
        // pointed at this fixture's own tables, settings and secret.
        var template = TemplateLoader.Load(RepositoryRoot.TemplatePath, new TemplateLoadOptions());
        var local = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TABLE_NAME"] = TableName,
            ["IDEMPOTENCY_TABLE_NAME"] = IdempotencyTableName,
            ["SETTINGS_PARAMETER"] = SettingsParameter,
            ["PAGE_TOKEN_SECRET_ID"] = TokenSecret,
        };
        lambda = new LambdaService(
            new[] { List, Create, Get }.Select(name =>
            {
                var function = template.Function(name + "Function");
                var environment = FunctionEnvironment.From(function, optDirectory: null);
                foreach (var (variable, value) in local.Where(entry => environment.ContainsKey(entry.Key)))
                {
                    environment[variable] = value;
                }

                environment["AWS_ENDPOINT_URL_DYNAMODB"] = Dynalite.ServiceUrl.ToString().TrimEnd('/');
                environment["AWS_ENDPOINT_URL_SSM"] = ssmUrl;
                Configure(environment);
                return Adjust(FunctionLaunchSpec.ForDotnetBuildOutput(
                    name,
                    "products-test-" + name,
                    function.Handler,
                    BuildConfiguration.FunctionOutput(RepositoryRoot.Path, name),
                    environment,
                    TimeSpan.FromSeconds(function.Timeout),
                    function.MemorySize,
                    "us-east-1"));
            }),
            new FunctionPoolOptions { Environment = new ExecutionEnvironmentOptions { LogSink = Logs } });
        // As the emulator does at start: provisioned environments exist before the first request.
        foreach (var pool in lambda.Pools.Where(p => p.Spec.ProvisionedConcurrency > 0))
        {
            if (await pool.ProvisionAsync(CancellationToken.None) is PrewarmResult.Failed failed)
            {
                throw new InvalidOperationException(failed.Message);
            }
        }
    }

    /// <summary>Lets a fixture for one test class change a function's configuration (SnapStart, provisioned concurrency).</summary>
    internal virtual FunctionLaunchSpec Adjust(FunctionLaunchSpec spec) => spec;

    /// <summary>Lets a fixture for one test class change each function's environment before it starts.</summary>
    protected virtual void Configure(IDictionary<string, string> environment)
    {
    }

    internal const string TokenSecretId = TokenSecret;

    /// <summary>Sends one API Gateway event to a function and reads its answer; any other outcome fails the test.</summary>
    internal async Task<FunctionResponse> InvokeAsync(string function, ApiEventRequest request, PayloadFormat version)
    {
        var payload = ApiEventBuilder.Build(request with { Format = version });
        var result = await Lambda.InvokeAsync(function, payload, CancellationToken.None);
        return result is PoolInvokeResult.Succeeded ok
            ? FunctionResponse.Parse(ok.Response)
            : throw new Xunit.Sdk.XunitException($"{function} did not answer: {result}");
    }

    internal Task<FunctionResponse> PostAsync(object body, PayloadFormat version, string contentType = "application/json") =>
        PostRawAsync(JsonSerializer.Serialize(body), version, contentType);

    /// <summary>The subject of the verified token every test create carries, as the JWT authorizer passes it.</summary>
    internal const string CallerSubject = "functions-tests-client";

    internal Task<FunctionResponse> PostRawAsync(
        string body,
        PayloadFormat version,
        string contentType = "application/json",
        IReadOnlyDictionary<string, string>? claims = null) =>
        InvokeAsync(
            Create,
            new ApiEventRequest("POST", "/products", "POST /products")
            {
                Headers = [new("Content-Type", contentType)],
                Body = body,
                Claims = claims ?? new Dictionary<string, string> { ["sub"] = CallerSubject, ["scope"] = "products/write" },
                Scopes = ["products/write"],
            },
            version);

    /// <summary>A create by <see cref="CallerSubject"/> with one <c>Idempotency-Key</c> header per given value (none: no header).</summary>
    internal Task<FunctionResponse> PostWithKeyAsync(string body, PayloadFormat version, params string[] keys) =>
        PostWithKeyAsync(CallerSubject, body, version, keys);

    /// <summary>A create by <paramref name="subject"/> (null: no authorizer claims) with the given keys.</summary>
    internal Task<FunctionResponse> PostWithKeyAsync(string? subject, string body, PayloadFormat version, params string[] keys) =>
        InvokeAsync(
            Create,
            new ApiEventRequest("POST", "/products", "POST /products")
            {
                Headers = [new("Content-Type", "application/json"), .. keys.Select(key => new KeyValuePair<string, string>("Idempotency-Key", key))],
                Body = body,
                Claims = subject is null ? null : new Dictionary<string, string> { ["sub"] = subject, ["scope"] = "products/write" },
                Scopes = subject is null ? null : ["products/write"],
            },
            version);

    internal Task<FunctionResponse> GetAsync(string id, PayloadFormat version) =>
        InvokeAsync(
            Get,
            new ApiEventRequest("GET", "/products/" + Uri.EscapeDataString(id), "GET /products/{id}"),
            version);

    internal Task<FunctionResponse> ListAsync(PayloadFormat version, params KeyValuePair<string, string>[] query) =>
        InvokeAsync(
            List,
            new ApiEventRequest("GET", "/products", "GET /products")
            {
                RawQueryString = string.Join('&', query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value))),
            },
            version);

    /// <summary>How many items the products table holds (a full scan; the test tables are small).</summary>
    public Task<int> CountItemsAsync() => CountItemsAsync(TableName);

    /// <summary>How many items a table holds (a full scan; the test tables are small).</summary>
    public async Task<int> CountItemsAsync(string tableName)
    {
        var count = 0;
        Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>? start = null;
        do
        {
            var page = await Client.ScanAsync(new Amazon.DynamoDBv2.Model.ScanRequest { TableName = tableName, ExclusiveStartKey = start });
            count += page.Count ?? 0;
            start = page.LastEvaluatedKey is { Count: > 0 } key ? key : null;
        }
        while (start is not null);

        return count;
    }

    public virtual async Task DisposeAsync()
    {
        if (lambda is not null)
        {
            await lambda.DisposeAsync();
        }

        if (ssm is not null)
        {
            await ssm.DisposeAsync();
        }

        Client?.Dispose();
        await Dynalite.DisposeAsync();
    }
}
