namespace Products.Cost.Pricing;

/// <summary>Every price the estimate uses, for one region, as read from prices.&lt;region&gt;.json.</summary>
public sealed record PriceBook(
    string Region,
    string CheckedOn,
    string Currency,
    string Note,
    LambdaPrices Lambda,
    ApiGatewayPrices ApiGateway,
    DynamoDbPrices DynamoDb,
    CloudWatchLogsPrices CloudWatchLogs,
    SecretsManagerPrices SecretsManager,
    SystemsManagerPrices SystemsManager)
{
    public void Validate()
    {
        Lambda.Requests.Validate("lambda.requests");
        Lambda.DurationX86_64.Validate("lambda.durationX86_64");
        Lambda.DurationArm64.Validate("lambda.durationArm64");
        ApiGateway.HttpApi.Validate("apiGateway.httpApi");
        ApiGateway.RestApi.Validate("apiGateway.restApi");
        DynamoDb.WriteRequestUnits.Validate("dynamoDb.writeRequestUnits");
        DynamoDb.ReadRequestUnits.Validate("dynamoDb.readRequestUnits");
        DynamoDb.StorageGbMonth.Validate("dynamoDb.storageGbMonth");
        CloudWatchLogs.LambdaLogsIngestion.Validate("cloudWatchLogs.lambdaLogsIngestion");
        SecretsManager.SecretMonth.Validate("secretsManager.secretMonth");
        SecretsManager.ApiCalls.Validate("secretsManager.apiCalls");
        SystemsManager.StandardParameterMonth.Validate("systemsManager.standardParameterMonth");
        SystemsManager.StandardThroughputCalls.Validate("systemsManager.standardThroughputCalls");
    }
}

public sealed record LambdaPrices(
    string Source,
    TieredRate Requests,
    TieredRate DurationX86_64,
    TieredRate DurationArm64,
    decimal FreeRequests,
    decimal FreeGbSeconds,
    string FreeTierTerms,
    string BillingRules)
{
    public TieredRate Duration(Architecture architecture) =>
        architecture == Architecture.Arm64 ? DurationArm64 : DurationX86_64;
}

public sealed record ApiGatewayPrices(
    string Source, TieredRate HttpApi, TieredRate RestApi, decimal FreeRequests, string FreeTierTerms, string BillingRules)
{
    public TieredRate For(ApiType api) => api == ApiType.Rest ? RestApi : HttpApi;
}

public sealed record DynamoDbPrices(
    string Source,
    TieredRate WriteRequestUnits,
    TieredRate ReadRequestUnits,
    TieredRate StorageGbMonth,
    decimal FreeStorageGb,
    decimal StorageOverheadBytesPerItem,
    string FreeTierTerms,
    string BillingRules);

public sealed record CloudWatchLogsPrices(
    string Source, TieredRate LambdaLogsIngestion, decimal FreeIngestionGb, string FreeTierTerms, string BillingRules);

public sealed record SecretsManagerPrices(string Source, TieredRate SecretMonth, TieredRate ApiCalls, string BillingRules);

public sealed record SystemsManagerPrices(
    string Source, TieredRate StandardParameterMonth, TieredRate StandardThroughputCalls, string BillingRules);

/// <summary>Lambda instruction set; arm64 (Graviton) has its own, lower duration price.</summary>
public enum Architecture
{
    X86_64,
    Arm64,
}

/// <summary>API Gateway flavour in front of the functions.</summary>
public enum ApiType
{
    Http,
    Rest,
}
