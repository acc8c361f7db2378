using Products.Testing;

namespace Products.Emulator.Tests.EndToEnd;

/// <summary>
/// One local API on an edited copy of template.yaml: every function's Timeout is 6 s (a frozen function is cut off
/// soon), and GET /products/{id} becomes ANY /products/{id}, so a method GetProduct does not serve reaches it (its 405).
/// </summary>
[CollectionDefinition(Name)]
public sealed class EditedTemplateApi : ICollectionFixture<EditedTemplateApi.Fixture>
{
    public const string Name = "Local API on an edited template";

    // Short enough to keep the timeout test quick, long enough for a first (JIT-compiling) invocation on a busy machine.
    public const int TimeoutSeconds = 6;

    public sealed class Fixture() : LocalApiFixture(new LocalApiFixtureOptions { EditTemplate = Edit });

    private static string Edit(string template) =>
        ReplaceOnce(
            ReplaceOnce(template, "    Timeout: 10\n", $"    Timeout: {TimeoutSeconds}\n"),
            "            Path: /products/{id}\n            Method: GET\n",
            "            Path: /products/{id}\n            Method: ANY\n");

    // Each edit must hit exactly one place, or the tests would run something else than they say.
    private static string ReplaceOnce(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(old, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"template.yaml must contain exactly one '{old.Trim()}' for this edit.");
        }

        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }
}
