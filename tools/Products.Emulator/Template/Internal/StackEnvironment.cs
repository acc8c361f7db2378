namespace Products.Emulator.Template.Internal;

/// <summary>The stack-wide facts pseudo parameters and generated names/ARNs are made of.</summary>
internal sealed record StackEnvironment(string StackName, string Region, string AccountId)
{
    // "Pseudo parameters reference" (AWS CloudFormation User Guide): partition and URL suffix follow the region.
    public string Partition => Region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : Region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : "aws";

    public string UrlSuffix => Region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";

    public string StackId => $"arn:{Partition}:cloudformation:{Region}:{AccountId}:stack/{StackName}/00000000-0000-0000-0000-000000000000";

    public string Arn(string service, string resource) => $"arn:{Partition}:{service}:{Region}:{AccountId}:{resource}";

    /// <summary>IAM ARNs have no region.</summary>
    public string GlobalArn(string service, string resource) => $"arn:{Partition}:{service}::{AccountId}:{resource}";
}
