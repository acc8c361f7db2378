namespace Products.Emulator.Template.Internal;

/// <summary>The resource types the loader knows, and which of them the local emulator runs.</summary>
internal static class ResourceTypes
{
    public const string Function = "AWS::Serverless::Function";
    public const string HttpApi = "AWS::Serverless::HttpApi";
    public const string RestApi = "AWS::Serverless::Api";
    public const string Layer = "AWS::Serverless::LayerVersion";
    public const string Table = "AWS::DynamoDB::Table";
    public const string SsmParameter = "AWS::SSM::Parameter";
    public const string Secret = "AWS::SecretsManager::Secret";
    public const string IamRole = "AWS::IAM::Role";

    /// <summary>Implicit APIs SAM creates for events without ApiId / RestApiId.</summary>
    public const string ImplicitHttpApi = "ServerlessHttpApi";
    public const string ImplicitRestApi = "ServerlessRestApi";

    public static readonly IReadOnlySet<string> Emulated = new HashSet<string>(StringComparer.Ordinal)
    {
        Function, HttpApi, RestApi, Layer, Table, SsmParameter, Secret,
    };

    /// <summary>
    /// Accepted and listed as not emulated: they matter in AWS (permissions, logs, alarms, scaling) but do not change
    /// what a request does locally. A type outside both sets is refused: it may change behaviour we would miss.
    /// </summary>
    public static readonly IReadOnlySet<string> NotEmulated = new HashSet<string>(StringComparer.Ordinal)
    {
        IamRole, "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy",
        "AWS::Logs::LogGroup", "AWS::Logs::MetricFilter", "AWS::Logs::SubscriptionFilter",
        "AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm", "AWS::CloudWatch::Dashboard",
        "AWS::SNS::Topic", "AWS::SNS::Subscription", "AWS::SQS::Queue",
        "AWS::KMS::Key", "AWS::KMS::Alias",
        "AWS::Lambda::Permission", "AWS::Lambda::Version", "AWS::Lambda::Alias", "AWS::Lambda::EventInvokeConfig",
        "AWS::ApplicationAutoScaling::ScalableTarget", "AWS::ApplicationAutoScaling::ScalingPolicy",
        "AWS::SecretsManager::RotationSchedule", "AWS::SecretsManager::ResourcePolicy",
        "AWS::SecretsManager::SecretTargetAttachment",
        "AWS::CloudFormation::WaitConditionHandle",

        // The issuer of a JWT authorizer: locally the emulator's own issuer stands in (docs/auth.md).
        "AWS::Cognito::UserPool", "AWS::Cognito::UserPoolClient", "AWS::Cognito::UserPoolResourceServer",
        "AWS::Cognito::UserPoolDomain",
    };
}
