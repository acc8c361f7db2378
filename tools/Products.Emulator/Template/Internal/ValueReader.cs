using System.Globalization;

namespace Products.Emulator.Template.Internal;

/// <summary>Typed reads from a (resolved) mapping; every failure names the property path.</summary>
internal static class ValueReader
{
    public static string Text(TemplateValue value, string path) => value switch
    {
        TemplateScalar { Kind: not ScalarKind.Null } scalar => scalar.Text,
        _ => throw new TemplateException(path, $"must be a string, not {Describe(value)}"),
    };

    public static string RequiredString(TemplateMapping mapping, string key, string path) =>
        mapping.TryGetValue(key, out var value)
            ? Text(value, $"{path}.{key}")
            : throw new TemplateException(path, $"the required property '{key}' is missing");

    public static string? OptionalString(TemplateMapping mapping, string key, string path) =>
        mapping.TryGetValue(key, out var value) ? Text(value, $"{path}.{key}") : null;

    public static int? OptionalInt(TemplateMapping mapping, string key, string path) =>
        OptionalLong(mapping, key, path) is { } number
            ? number is >= int.MinValue and <= int.MaxValue ? (int)number : throw new TemplateException($"{path}.{key}", "is out of range")
            : null;

    public static long? OptionalLong(TemplateMapping mapping, string key, string path)
    {
        if (!mapping.TryGetValue(key, out var value))
        {
            return null;
        }

        var text = Text(value, $"{path}.{key}");
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new TemplateException($"{path}.{key}", $"'{text}' is not an integer");
    }

    public static double? OptionalDouble(TemplateMapping mapping, string key, string path)
    {
        if (!mapping.TryGetValue(key, out var value))
        {
            return null;
        }

        var text = Text(value, $"{path}.{key}");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new TemplateException($"{path}.{key}", $"'{text}' is not a number");
    }

    public static bool? OptionalBool(TemplateMapping mapping, string key, string path)
    {
        if (!mapping.TryGetValue(key, out var value))
        {
            return null;
        }

        // CloudFormation accepts the strings "true"/"false" wherever a Boolean is expected.
        var text = Text(value, $"{path}.{key}");
        return bool.TryParse(text, out var flag)
            ? flag
            : throw new TemplateException($"{path}.{key}", $"'{text}' is not true or false");
    }

    public static TemplateMapping? OptionalMapping(TemplateMapping mapping, string key, string path) =>
        mapping.TryGetValue(key, out var value) ? Mapping(value, $"{path}.{key}") : null;

    public static TemplateMapping Mapping(TemplateValue value, string path) =>
        value as TemplateMapping ?? throw new TemplateException(path, $"must be a mapping, not {Describe(value)}");

    /// <summary>A list of strings; a single scalar counts as a one-item list (CloudFormation accepts both in many places).</summary>
    public static IReadOnlyList<string> StringList(TemplateValue value, string path) => value switch
    {
        TemplateSequence sequence => sequence.Items.Select((item, index) => Text(item, $"{path}[{index}]")).ToArray(),
        TemplateScalar { Kind: not ScalarKind.Null } scalar => [scalar.Text],
        _ => throw new TemplateException(path, $"must be a list of strings, not {Describe(value)}"),
    };

    public static IReadOnlyList<string> OptionalStringList(TemplateMapping mapping, string key, string path) =>
        mapping.TryGetValue(key, out var value) ? StringList(value, $"{path}.{key}") : [];

    public static string Describe(TemplateValue value) => value switch
    {
        TemplateScalar { Kind: ScalarKind.Null } => "an empty value",
        TemplateScalar => "a scalar",
        TemplateSequence => "a list",
        TemplateMapping mapping when IntrinsicNames.IsIntrinsic(mapping) => $"the function {mapping.Entries[0].Key}",
        _ => "a mapping",
    };
}
