using GetProduct;
using Products.Data;
using Products.Lambda.Environment;
using Products.Lambda.Hosting;

// Init (once per process): the DynamoDB client and the table. Everything else happens per request.
return await ApiFunction.RunAsync(
    ["GET"],
    static (services, _) =>
    {
        var products = new ProductRepository(
            DynamoDbClientFactory.Create(
                services.Require(EnvironmentVariableNames.Region), services.Aws.Credentials, services.Aws.HttpClientFactory),
            services.Require(EnvironmentVariableNames.TableName),
            services.Time);
        // SnapStart: a read of an id no product has runs the whole DynamoDB path once before the snapshot.
        services.PrimeBeforeSnapshot("GetItem", ct => products.GetAsync(ProductId.NewId(), ct));
        return ValueTask.FromResult<ApiHandler>(new GetProductHandler(products, services.Metrics).HandleAsync);
    });
