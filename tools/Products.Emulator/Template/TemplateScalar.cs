using System.Globalization;

namespace Products.Emulator.Template;

/// <summary>A scalar keeps its source text; <see cref="Kind"/> says how JSON should spell it.</summary>
public sealed record TemplateScalar(string Text, ScalarKind Kind) : TemplateValue
{
    public static TemplateScalar String(string text) => new(text, ScalarKind.String);

    public static TemplateScalar Number(long value) => new(value.ToString(CultureInfo.InvariantCulture), ScalarKind.Number);

    public static TemplateScalar Boolean(bool value) => new(value ? "true" : "false", ScalarKind.Boolean);

    public override string ToString() => Text;
}
