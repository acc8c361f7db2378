namespace Products.Emulator.Template;

/// <summary>An ordered list of values.</summary>
public sealed record TemplateSequence(IReadOnlyList<TemplateValue> Items) : TemplateValue
{
    public static TemplateSequence Empty { get; } = new(Array.Empty<TemplateValue>());

    public static TemplateSequence OfStrings(IEnumerable<string> items) =>
        new(items.Select(item => (TemplateValue)TemplateScalar.String(item)).ToArray());
}
