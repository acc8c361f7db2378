namespace Products.Emulator.Template.Internal;

/// <summary>Parameter types ("Parameters section syntax", AWS CloudFormation User Guide).</summary>
internal static class ParameterTypes
{
    public const string String = "String";
    public const string Number = "Number";
    public const string CommaDelimitedList = "CommaDelimitedList";
    public const string NumberList = "List<Number>";
    public const string SsmPrefix = "AWS::SSM::Parameter::Value<";

    public static bool IsList(string type) =>
        type == CommaDelimitedList || (type.StartsWith("List<", StringComparison.Ordinal) && type.EndsWith('>'))
        || (type.StartsWith(SsmPrefix, StringComparison.Ordinal) && type.Contains("List<", StringComparison.Ordinal));

    public static bool IsKnown(string type) =>
        type is String or Number or CommaDelimitedList
        || type.StartsWith("List<", StringComparison.Ordinal)
        || type.StartsWith("AWS::EC2::", StringComparison.Ordinal)
        || type.StartsWith("AWS::Route53::", StringComparison.Ordinal)
        || type.StartsWith(SsmPrefix, StringComparison.Ordinal);
}
