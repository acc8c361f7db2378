namespace Products.Emulator.Template.Internal;

/// <summary>Recognises the long form of an intrinsic function: a mapping with one key, <c>Ref</c> or <c>Fn::*</c>.</summary>
internal static class IntrinsicNames
{
    public const string Ref = "Ref";
    public const string Condition = "Condition";

    public static bool IsIntrinsic(TemplateMapping mapping) =>
        mapping.Count == 1 && IsFunctionKey(mapping.Entries[0].Key);

    public static bool IsFunctionKey(string key) =>
        key == Ref || key.StartsWith("Fn::", StringComparison.Ordinal);
}
