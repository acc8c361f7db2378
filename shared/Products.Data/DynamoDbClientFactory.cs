using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Products.Data;

/// <summary>Creates the DynamoDB client a function keeps for its lifetime, tuned for Lambda cold starts and deadlines.</summary>
public static class DynamoDbClientFactory
{
    /// <summary>Retries after the first attempt: three attempts in all, enough for a blip, short enough for a deadline.</summary>
    public const int MaxErrorRetry = 2;

    /// <summary>Per-attempt HTTP timeout: DynamoDB answers in milliseconds, so a slow attempt is better retried.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Creates a client for <paramref name="region"/> (pass <c>AWS_REGION</c>, which Lambda always sets).</summary>
    /// <remarks>
    /// The endpoint: the SDK itself reads <c>AWS_ENDPOINT_URL_DYNAMODB</c> (then <c>AWS_ENDPOINT_URL</c>) when the config
    /// is built, as "Service-specific endpoints" in the AWS SDKs and Tools Reference Guide describes; verified with SDK
    /// 4.1.0, where it takes precedence over the region's endpoint. That is how the same code reaches dynalite locally.
    /// Credentials: the SDK's default chain, which in SDK v4 looks at the environment variables Lambda sets first
    /// ("Credential and profile resolution", AWS SDK for .NET V4 Developer Guide); functions pass the ones Lambda set
    /// through the overload below instead, so the chain is not walked at all.
    /// </remarks>
    public static AmazonDynamoDBClient Create(string region) => Create(region, null, null);

    /// <summary>
    /// Creates a client for <paramref name="region"/> with the given credentials (null: the SDK's default chain) and
    /// HttpClient factory (null: the SDK's own transport).
    /// </summary>
    public static AmazonDynamoDBClient Create(string region, AWSCredentials? credentials, HttpClientFactory? httpClientFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        var config = new AmazonDynamoDBConfig
        {
            // Explicit region: the SDK does not probe profiles or instance metadata for one.
            RegionEndpoint = RegionEndpoint.GetBySystemName(region),

            // Standard mode: exponential backoff with jitter and a retry quota, so an outage is not amplified.
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = MaxErrorRetry,
            Timeout = AttemptTimeout,

            // Endpoint discovery costs an extra call on a cold start and is not needed for DynamoDB's public endpoints.
            EndpointDiscoveryEnabled = false,
        };
        if (httpClientFactory is not null)
        {
            config.HttpClientFactory = httpClientFactory;
        }

        return credentials is null ? new AmazonDynamoDBClient(config) : new AmazonDynamoDBClient(credentials, config);
    }
}
