namespace Products.Emulator.Template.Internal;

/// <summary>CloudFormation pseudo parameters ("Pseudo parameters reference"), answered for a local stack.</summary>
internal static class PseudoParameters
{
    public const string NoValue = "AWS::NoValue";

    public static bool TryGet(string name, StackEnvironment environment, out TemplateValue value)
    {
        TemplateValue? result = name switch
        {
            "AWS::Region" => TemplateScalar.String(environment.Region),
            "AWS::AccountId" => TemplateScalar.String(environment.AccountId),
            "AWS::StackName" => TemplateScalar.String(environment.StackName),
            "AWS::StackId" => TemplateScalar.String(environment.StackId),
            "AWS::Partition" => TemplateScalar.String(environment.Partition),
            "AWS::URLSuffix" => TemplateScalar.String(environment.UrlSuffix),
            "AWS::NotificationARNs" => TemplateSequence.Empty,
            _ => null,
        };
        value = result!;
        return result is not null;
    }
}
