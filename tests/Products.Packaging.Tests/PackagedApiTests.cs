using System.IO.Compression;
using System.Text.Json;
using Products.Emulator.Gateway;
using Products.Emulator.Lambda;
using Products.Testing;
using Products.Testing.Events;

namespace Products.Packaging.Tests;

// The deployed artifacts, run the way Lambda runs them: the layer zip unpacked into a folder standing in for /opt,
// each function zip (only its own files) into its own folder standing in for /var/task, each function a process
// behind the emulator's Runtime API with DOTNET_SHARED_STORE pointing into that /opt, against dynalite.
[Collection(BuiltPackages.Name)]
public sealed class PackagedApiTests(LayerPackagesFixture packages, DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    private const string Create = "CreateProduct";
    private const string Get = "GetProduct";

    [Fact]
    public async Task PackagedCreateThenGet_OnTheUnpackedLayer_ServeTheSameProduct()
    {
        var directory = packages.NewTestDirectory();
        var opt = Path.Combine(directory, "opt");
        await ZipFile.ExtractToDirectoryAsync(packages.Layer.ZipPath, opt);
        await using var lambda = await StartAsync(directory, sharedStore: Path.Combine(opt, "dotnetcore", "store") + Path.DirectorySeparatorChar);

        var created = await InvokeAsync(lambda, Create, new ApiEventRequest("POST", "/products", "POST /products")
        {
            Headers = [new("Content-Type", "application/json")],
            Body = """{"name":"Desk lamp","price":24.99,"category":"Home"}""",
        });
        Assert.Equal(201, created.StatusCode);
        var product = created.Json.GetProperty("data");
        var id = product.GetProperty("id").GetString()!;
        Assert.Equal("products/" + id, created.Header("Location"));

        var fetched = await InvokeAsync(lambda, Get, new ApiEventRequest("GET", "/products/" + id, "GET /products/{id}"));

        Assert.Equal(200, fetched.StatusCode);
        Assert.Equal("Product retrieved successfully", fetched.Json.GetProperty("message").GetString());
        Assert.Equal(JsonSerializer.Serialize(product), JsonSerializer.Serialize(fetched.Json.GetProperty("data")));
        Assert.Equal("Desk lamp", product.GetProperty("name").GetString());
    }

    [Fact]
    public async Task PackagedFunction_WithoutTheStore_FailsItsInitNamingTheMissingStore()
    {
        await using var lambda = await StartAsync(packages.NewTestDirectory(), sharedStore: null);

        var result = await lambda.InvokeAsync(Create, ApiEventBuilder.Build(
            new ApiEventRequest("POST", "/products", "POST /products")
            {
                Headers = [new("Content-Type", "application/json")],
                Body = """{"name":"x","price":1}""",
            }), CancellationToken.None);

        // Before the first event, not during a request: the guard ends the process (EX_CONFIG) before Main.
        var failed = Assert.IsType<PoolInvokeResult.InitFailed>(result);
        Assert.Contains("exit status 78", failed.Message, StringComparison.Ordinal);
        Assert.Contains("CreateProduct cannot start", failed.Message, StringComparison.Ordinal);
        Assert.Contains("Products.Data.dll", failed.Message, StringComparison.Ordinal);
        Assert.Contains("DOTNET_SHARED_STORE is not set", failed.Message, StringComparison.Ordinal);
    }

    // Unpacks CreateProduct and GetProduct into directory/<name>/ and runs them with sharedStore as DOTNET_SHARED_STORE
    // (null: not set, as with the layer missing).
    private async Task<LambdaService> StartAsync(string directory, string? sharedStore)
    {
        var table = await dynalite.CreateProductsTableAsync();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TABLE_NAME"] = table,
            ["IDEMPOTENCY_TABLE_NAME"] = await dynalite.CreateIdempotencyTableAsync(),
            ["SETTINGS_PARAMETER"] = "/products/test/settings",
            ["STAGE"] = "test",
            ["POWERTOOLS_SERVICE_NAME"] = "products",
            ["POWERTOOLS_LOG_LEVEL"] = "INFO",
            ["POWERTOOLS_METRICS_NAMESPACE"] = "Products",
            ["ALLOWED_ORIGINS"] = "http://localhost:3000",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynalite.ServiceUrl.ToString().TrimEnd('/'),
        };
        if (sharedStore is not null)
        {
            environment["DOTNET_SHARED_STORE"] = sharedStore;
        }

        var specs = new List<FunctionLaunchSpec>();
        foreach (var (name, logicalId) in new[] { (Create, LayerPackagesFixture.CreateFunctionId), (Get, LayerPackagesFixture.GetFunctionId) })
        {
            var taskRoot = Path.Combine(directory, name);
            await ZipFile.ExtractToDirectoryAsync(packages.Package(logicalId).ZipPath, taskRoot);
            Assert.All(Directory.GetFiles(taskRoot), file => Assert.StartsWith(name + ".", Path.GetFileName(file), StringComparison.Ordinal));
            specs.Add(FunctionLaunchSpec.ForDotnetBuildOutput(
                name, "products-test-" + name, name, taskRoot, environment, TimeSpan.FromSeconds(10), 512, "us-east-1"));
        }

        return new LambdaService(specs, new FunctionPoolOptions());
    }

    private static async Task<FunctionResponse> InvokeAsync(LambdaService lambda, string function, ApiEventRequest request)
    {
        var result = await lambda.InvokeAsync(
            function, ApiEventBuilder.Build(request), CancellationToken.None);
        return result is PoolInvokeResult.Succeeded ok
            ? FunctionResponse.Parse(ok.Response)
            : throw new Xunit.Sdk.XunitException($"{function} did not answer: {result}");
    }
}
