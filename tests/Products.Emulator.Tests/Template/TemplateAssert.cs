using Products.Emulator.Template;

namespace Products.Emulator.Tests.Template;

internal static class TemplateAssert
{
    /// <summary>Fails when any mapping in the tree still looks like an intrinsic function (Ref, Fn::*, Condition).</summary>
    public static void FullyResolved(TemplateValue value, string path)
    {
        switch (value)
        {
            case TemplateSequence sequence:
                for (var index = 0; index < sequence.Items.Count; index++)
                {
                    FullyResolved(sequence.Items[index], $"{path}[{index}]");
                }

                break;
            case TemplateMapping mapping:
                foreach (var (key, item) in mapping.Entries)
                {
                    Assert.False(key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal), $"unresolved {key} at {path}");
                    FullyResolved(item, $"{path}.{key}");
                }

                break;
            case TemplateScalar scalar:
                Assert.DoesNotContain("${", scalar.Text, StringComparison.Ordinal);
                break;
        }
    }
}
