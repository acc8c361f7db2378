using Amazon;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Products.Lambda.AwsClients;
using Products.Lambda.Environment;

namespace Products.Lambda.Parameters;

/// <summary>
/// Builds the SSM client for a function, tuned for cold start: explicit region, credentials read straight from the
/// variables Lambda sets (the SDK's full chain only when they are absent), bounded timeouts and retries, and the
/// endpoint override the AWS SDKs honour ("Service-specific endpoints", AWS SDKs and Tools Reference Guide):
/// AWS_ENDPOINT_URL_SSM, else AWS_ENDPOINT_URL, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true. The SDK would
/// read those itself; reading them through <see cref="IEnvironmentReader"/> keeps the choice visible and testable.
/// </summary>
public static class SsmClientFactory
{
    // Parameter reads are small: a slow answer is better retried than waited for, within a function's timeout.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);
    private const int MaxRetries = 2;

    /// <summary>Creates a client from the environment.</summary>
    /// <exception cref="InvalidOperationException">AWS_REGION is not set, or an endpoint URL is not an absolute URL.</exception>
    public static IAmazonSimpleSystemsManagement Create(IEnvironmentReader environment) => Create(environment, null);

    /// <summary>
    /// Creates a client from the environment, on the function's shared credentials and renewable HTTP transport
    /// (<see cref="AwsClientSupport"/>) when given.
    /// </summary>
    /// <exception cref="InvalidOperationException">AWS_REGION is not set, or an endpoint URL is not an absolute URL.</exception>
    public static IAmazonSimpleSystemsManagement Create(IEnvironmentReader environment, AwsClientSupport? aws)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var region = environment.Get(EnvironmentVariableNames.Region)
            ?? throw new InvalidOperationException($"{EnvironmentVariableNames.Region} must be set to create the SSM client.");

        var config = new AmazonSimpleSystemsManagementConfig
        {
            Timeout = RequestTimeout,
            ConnectTimeout = ConnectTimeout,
            MaxErrorRetry = MaxRetries,
            RetryMode = RequestRetryMode.Standard,
        };
        if (aws is not null)
        {
            config.HttpClientFactory = aws.HttpClientFactory;
        }

        var endpoint = ConfiguredEndpoint(environment);
        if (endpoint is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            // ServiceURL and RegionEndpoint are exclusive in the SDK: sign for the region explicitly.
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region;
        }

        var credentials = aws?.Credentials ?? EnvironmentCredentials(environment);
        return credentials is null
            ? new AmazonSimpleSystemsManagementClient(config)
            : new AmazonSimpleSystemsManagementClient(credentials, config);
    }

    private static string? ConfiguredEndpoint(IEnvironmentReader environment)
    {
        if (string.Equals(environment.Get(EnvironmentVariableNames.IgnoreConfiguredEndpointUrls), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var endpoint = environment.Get(EnvironmentVariableNames.EndpointUrlSsm) ?? environment.Get(EnvironmentVariableNames.EndpointUrl);
        if (endpoint is not null && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"The SSM endpoint URL '{endpoint}' is not an absolute URL.");
        }

        return endpoint;
    }

    private static AWSCredentials? EnvironmentCredentials(IEnvironmentReader environment)
    {
        var accessKey = environment.Get(EnvironmentVariableNames.AccessKeyId);
        var secretKey = environment.Get(EnvironmentVariableNames.SecretAccessKey);
        if (accessKey is null || secretKey is null)
        {
            return null;
        }

        var sessionToken = environment.Get(EnvironmentVariableNames.SessionToken);
        return sessionToken is null
            ? new BasicAWSCredentials(accessKey, secretKey)
            : new SessionAWSCredentials(accessKey, secretKey, sessionToken);
    }
}
