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
            DynamoDbClientFactory.Create(services.Require(EnvironmentVariableNames.Region)),
            services.Require(EnvironmentVariableNames.TableName),
            services.Time);
        return ValueTask.FromResult<ApiHandler>(new GetProductHandler(products, services.Metrics).HandleAsync);
    });
