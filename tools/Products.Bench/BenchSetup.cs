using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Products.Emulator.Hosting;
using Products.Emulator.Lambda;

namespace Products.Bench;

/// <summary>
/// Everything the measurements share: the emulator started from template.yaml (its packaged build of the layer and
/// functions, dynalite in memory, the local SSM endpoint), the Native AOT builds, the Node peer, seeded products.
/// </summary>
internal sealed class BenchSetup : IAsyncDisposable
{
    private const int SeededProducts = 25;

    private readonly LocalApi _api;

    private BenchSetup(LocalApi api, IReadOnlyList<BenchTarget> targets)
    {
        _api = api;
        Targets = targets;
    }

    public IReadOnlyList<BenchTarget> Targets { get; }

    public static async Task<BenchSetup> StartAsync(BenchOptions options, Action<string> report, CancellationToken ct)
    {
        var root = options.RepositoryRoot;
        var node = options.Variants.Contains(Variant.Node)
            ? NodePeerInstaller.EnsureAsync(root, report, ct)
            : Task.CompletedTask;
        var api = await LocalApi.StartAsync(
            new LocalApiOptions
            {
                RepositoryRoot = root,
                InMemory = true,
                Port = 0,
                Build = BuildMode.Packaged,
                Output = line => { if (line.StartsWith("build:", StringComparison.Ordinal) || line.StartsWith("dynamodb:", StringComparison.Ordinal)) report(line); },
                FunctionLogs = new QuietLogSink(),
            },
            ct);
        try
        {
            var functions = options.Functions.Select(BenchFunction.ByLogicalId).ToList();
            var aot = new Dictionary<string, string>(StringComparer.Ordinal);
            if (options.Variants.Contains(Variant.NativeAot))
            {
                foreach (var function in functions)
                {
                    var definition = api.Template.Functions.Single(f => f.LogicalId == function.LogicalId);
                    aot[function.LogicalId] = await NativeAotBuilder.BuildAsync(root, function.LogicalId, definition.CodePath, report, ct);
                }
            }

            await node;
            var productId = await SeedAsync(api, ct);
            var targets = new List<BenchTarget>();
            var buildRoot = Path.Combine(root, ".products-local", "build");
            var layerZip = api.Template.Layers.Count > 0
                ? PackageSizes.ZipBytes(Path.Combine(buildRoot, api.Template.Layers[0].LogicalId))
                : (long?)null;
            foreach (var function in functions)
            {
                var shipped = api.Lambda[function.LogicalId].Spec;
                var payload = function.Event(productId);
                foreach (var variant in options.Variants)
                {
                    targets.Add(variant switch
                    {
                        _ when variant == Variant.LayeredReadyToRun => new BenchTarget(
                            function,
                            variant,
                            WithVariables(shipped, options.DotnetEnvironment, options.CommonEnvironment),
                            payload,
                            PackageSizes.ZipBytes(shipped.WorkingDirectory),
                            layerZip),
                        _ when variant == Variant.NativeAot => new BenchTarget(
                            function,
                            variant,
                            AotSpec(shipped, aot[function.LogicalId], options),
                            payload,
                            PackageSizes.ZipBytes(aot[function.LogicalId]),
                            null),
                        _ => new BenchTarget(
                            function,
                            variant,
                            NodeSpec(shipped, root, options),
                            payload,
                            // The peer's package is its one module: the nodejs20.x runtime provides the AWS SDK v3.
                            PackageSizes.ZipBytes([Path.Combine(NodePeerInstaller.Directory(root), "index.mjs")]),
                            null),
                    });
                }
            }

            return new BenchSetup(api, targets);
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    private static FunctionLaunchSpec WithVariables(
        FunctionLaunchSpec spec, params IReadOnlyDictionary<string, string>[] extra)
    {
        var environment = new Dictionary<string, string>(spec.Environment, StringComparer.Ordinal);
        foreach (var set in extra)
        {
            foreach (var (name, value) in set)
            {
                environment[name] = value;
            }
        }

        return spec with { Environment = environment };
    }

    private static FunctionLaunchSpec AotSpec(FunctionLaunchSpec shipped, string directory, BenchOptions options)
    {
        // No layer: everything is in the one binary.
        var environment = shipped.Environment.Where(v => v.Key != "DOTNET_SHARED_STORE").ToDictionary(StringComparer.Ordinal);
        var spec = FunctionLaunchSpec.ForDotnetBuildOutput(
            shipped.LogicalId, shipped.FunctionName, shipped.Handler, directory, environment,
            shipped.Timeout, shipped.MemorySizeMb, shipped.Region);
        return WithVariables(spec, options.DotnetEnvironment, options.CommonEnvironment);
    }

    private static FunctionLaunchSpec NodeSpec(FunctionLaunchSpec shipped, string root, BenchOptions options)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TABLE_NAME"] = shipped.Environment["TABLE_NAME"],
            ["AWS_ENDPOINT_URL_DYNAMODB"] = shipped.Environment["AWS_ENDPOINT_URL_DYNAMODB"],
            ["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = "true",
        };
        var spec = new FunctionLaunchSpec(
            shipped.LogicalId,
            shipped.FunctionName,
            "index.handler",
            "node",
            [NodePeerInstaller.RuntimeClient(root)],
            NodePeerInstaller.Directory(root),
            environment,
            shipped.Timeout,
            shipped.MemorySizeMb,
            shipped.Region) { Runtime = "nodejs20.x" };
        return WithVariables(spec, options.CommonEnvironment);
    }

    /// <summary>Products for ListProducts to page through; returns one id for GetProduct.</summary>
    private static async Task<string> SeedAsync(LocalApi api, CancellationToken ct)
    {
        // The products table by name: the template has others (the idempotency table).
        var table = api.Template.Table("ProductsTable").TableName;
        using var client = new AmazonDynamoDBClient(
            new BasicAWSCredentials(FunctionProcessEnvironment.AccessKeyId, FunctionProcessEnvironment.SecretAccessKey),
            new AmazonDynamoDBConfig { ServiceURL = api.DynamoDbEndpoint.ToString(), AuthenticationRegion = api.Template.Region });
        var first = string.Empty;
        for (var i = 0; i < SeededProducts; i++)
        {
            var id = Guid.NewGuid().ToString();
            first = i == 0 ? id : first;
            await client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = table,
                    Item = new Dictionary<string, AttributeValue>
                    {
                        ["id"] = new() { S = id },
                        ["name"] = new() { S = $"Seeded product {i}" },
                        ["price"] = new() { N = "9.99" },
                        ["category"] = new() { S = "Bench" },
                        ["createdAt"] = new() { S = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
                    },
                },
                ct);
        }

        return first;
    }
}
