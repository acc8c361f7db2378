using CreateProduct;
using Products.Data;
using Products.Data.Idempotency;
using Products.Lambda.Environment;
using Products.Lambda.Hosting;
using Products.Lambda.Parameters;

// Init (once per process): the DynamoDB client, the tables, and the names of what to read. The SSM client is created on
// the first request that carries an Idempotency-Key, so a create without one costs nothing more at cold start.
return await ApiFunction.RunAsync(
    ["POST"],
    static (services, _) =>
    {
        var dynamoDb = DynamoDbClientFactory.Create(
            services.Require(EnvironmentVariableNames.Region), services.Aws.Credentials, services.Aws.HttpClientFactory);
        var products = new ProductRepository(dynamoDb, services.Require(EnvironmentVariableNames.TableName), services.Time);
        // Read now: a malformed POWERTOOLS_PARAMETERS_MAX_AGE fails init instead of the first keyed request.
        var parameterOptions = ParameterProviderOptions.FromEnvironment(services.Environment, services.Time);
        var parameters = new Lazy<SsmParameterProvider>(
            () => new SsmParameterProvider(SsmClientFactory.Create(services.Environment, services.Aws), parameterOptions));
        var idempotent = new IdempotentCreator(
            products,
            new IdempotencyStore(dynamoDb, services.Require(CreateEnvironmentVariableNames.IdempotencyTableName), services.Time),
            new IdempotencySettings(parameters, services.Require(EnvironmentVariableNames.SettingsParameter)),
            services.Metrics,
            services.Logger,
            services.Time);
        // SnapStart: priming must not write, so a read of an id no product has runs the DynamoDB path (client,
        // credentials, endpoint, signing, connection) once before the snapshot. The idempotency path is not primed:
        // it would load SSM for every create, and most creates carry no key.
        services.PrimeBeforeSnapshot("GetItem", ct => products.GetAsync(ProductId.NewId(), ct));
        return ValueTask.FromResult<ApiHandler>(new CreateProductHandler(products, idempotent, services.Metrics).HandleAsync);
    });
