using Amazon.Runtime;
using Products.Lambda.Environment;

namespace Products.Lambda.AwsClients;

/// <summary>
/// What a function's AWS SDK clients share: the credentials and the HTTP transport, both chosen for Lambda and both
/// renewed after a SnapStart restore (<see cref="RenewAfterRestore"/>), so restored environments share neither
/// credentials nor sockets. Pass <see cref="Credentials"/> and <see cref="HttpClientFactory"/> to the client factories.
/// </summary>
public sealed class AwsClientSupport
{
    /// <summary>Lambda's container credentials endpoint; what SnapStart environments get instead of key variables.</summary>
    internal const string ContainerCredentialsFullUri = "AWS_CONTAINER_CREDENTIALS_FULL_URI";

    private readonly RenewableHttpClientFactory _httpClients = new();

    private AwsClientSupport(AWSCredentials? credentials)
    {
        Credentials = credentials;
    }

    /// <summary>
    /// Credentials straight from where Lambda puts them, so the SDK does not walk its whole chain on a cold start: the
    /// execution role's key variables (on-demand and provisioned concurrency), else the container credentials endpoint
    /// (SnapStart: "Using SnapStart with AWS SDKs", AWS Lambda Developer Guide), else null: the SDK's default chain.
    /// </summary>
    public AWSCredentials? Credentials { get; }

    /// <summary>The transport for ClientConfig.HttpClientFactory.</summary>
    public HttpClientFactory HttpClientFactory => _httpClients;

    /// <summary>Reads the credential variables Lambda sets.</summary>
    public static AwsClientSupport FromEnvironment(IEnvironmentReader environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var accessKey = environment.Get(EnvironmentVariableNames.AccessKeyId);
        var secretKey = environment.Get(EnvironmentVariableNames.SecretAccessKey);
        var sessionToken = environment.Get(EnvironmentVariableNames.SessionToken);
        AWSCredentials? credentials = (accessKey, secretKey) switch
        {
            ({ Length: > 0 }, { Length: > 0 }) when sessionToken is { Length: > 0 } =>
                new SessionAWSCredentials(accessKey, secretKey, sessionToken),
            ({ Length: > 0 }, { Length: > 0 }) => new BasicAWSCredentials(accessKey, secretKey),
            _ when environment.Get(ContainerCredentialsFullUri) is { Length: > 0 } => new GenericContainerCredentials(),
            _ => null,
        };
        return new AwsClientSupport(credentials);
    }

    /// <summary>
    /// After a SnapStart restore: forgets credentials fetched before the snapshot (the next call fetches its own) and
    /// replaces every connection pool. Call before the first invocation, with no request in flight.
    /// </summary>
    public void RenewAfterRestore()
    {
        (Credentials as RefreshingAWSCredentials)?.ClearCredentials();
        _httpClients.RenewAll();
    }
}
