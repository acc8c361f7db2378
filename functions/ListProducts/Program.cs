using ListProducts;
using Products.Data;
using Products.Lambda.Environment;
using Products.Lambda.Hosting;
using Products.Lambda.Parameters;

// Init (once per process): the DynamoDB and SSM clients and the names of what to read. Settings and the page-token key
// are fetched on first use and cached by the Parameters provider.
return await ApiFunction.RunAsync(
    ["GET"],
    static (services, _) =>
    {
        var tableName = services.Require(EnvironmentVariableNames.TableName);
        var products = new ProductRepository(
            DynamoDbClientFactory.Create(
                services.Require(EnvironmentVariableNames.Region), services.Aws.Credentials, services.Aws.HttpClientFactory),
            tableName,
            services.Time);
        var parameters = new SsmParameterProvider(
            SsmClientFactory.Create(services.Environment, services.Aws),
            ParameterProviderOptions.FromEnvironment(services.Environment, services.Time));
        var configuration = new ListConfiguration(
            parameters,
            services.Require(EnvironmentVariableNames.SettingsParameter),
            services.Require(ListEnvironmentVariableNames.PageTokenSecretId),
            // Tokens are bound to the table, so a token from another stage (another table) is refused.
            tableName);
        // SnapStart: the first page's path — settings, page-token key, one scanned item — once before the snapshot.
        services.PrimeBeforeSnapshot("Scan", async ct =>
        {
            await configuration.GetSettingsAsync(ct);
            await products.ListAsync(1, null, await configuration.GetCurrentCodecAsync(ct), ct);
        });
        return ValueTask.FromResult<ApiHandler>(new ListProductsHandler(products, configuration, services.Logger).HandleAsync);
    });
