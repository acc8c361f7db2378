using System.Text;

namespace Products.Emulator.Template;

/// <summary>
/// Parses SAM CLI's <c>--parameter-overrides</c> string ("sam deploy" command reference): space-separated
/// <c>Key=Value</c> pairs or the CloudFormation form <c>ParameterKey=Key,ParameterValue=Value</c>; a value may be
/// wrapped in double quotes (with <c>\"</c> and <c>\\</c> escapes) or single quotes to hold spaces.
/// </summary>
public static class ParameterOverrides
{
    private const string KeyPrefix = "ParameterKey=";
    private const string ValuePrefix = ",ParameterValue=";

    public static IReadOnlyDictionary<string, string> Parse(string text, string source = "--parameter-overrides")
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var position = 0;
        while (true)
        {
            SkipWhitespace(text, ref position);
            if (position >= text.Length)
            {
                return result;
            }

            var (key, value) = ReadPair(text, ref position, source);
            result[key] = value;
        }
    }

    /// <summary>Parses each item of samconfig's list form (<c>parameter_overrides = ["A=1", "B=2"]</c>).</summary>
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> items, string source)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            foreach (var (key, value) in Parse(item, source))
            {
                result[key] = value;
            }
        }

        return result;
    }

    private static (string Key, string Value) ReadPair(string text, ref int position, string source)
    {
        var start = position;
        if (string.CompareOrdinal(text, position, KeyPrefix, 0, KeyPrefix.Length) == 0)
        {
            position += KeyPrefix.Length;
            var cfnKey = ReadUntil(text, ref position, ',');
            if (string.CompareOrdinal(text, position, ValuePrefix, 0, ValuePrefix.Length) != 0)
            {
                throw new TemplateException(source, $"expected ',ParameterValue=' after 'ParameterKey={cfnKey}'");
            }

            position += ValuePrefix.Length;
            return (RequireKey(cfnKey, source), ReadValue(text, ref position, source));
        }

        var key = ReadUntil(text, ref position, '=');
        if (position >= text.Length || text[position] != '=')
        {
            throw new TemplateException(source, $"'{text[start..position]}' is not of the form Key=Value");
        }

        position++;
        return (RequireKey(key, source), ReadValue(text, ref position, source));
    }

    private static string ReadUntil(string text, ref int position, char stop)
    {
        var start = position;
        while (position < text.Length && text[position] != stop && !char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return text[start..position];
    }

    private static string ReadValue(string text, ref int position, string source)
    {
        if (position < text.Length && text[position] is '"' or '\'')
        {
            var quote = text[position++];
            var value = new StringBuilder();
            while (position < text.Length && text[position] != quote)
            {
                if (quote == '"' && text[position] == '\\' && position + 1 < text.Length && text[position + 1] is '"' or '\\')
                {
                    position++;
                }

                value.Append(text[position++]);
            }

            if (position >= text.Length)
            {
                throw new TemplateException(source, $"unterminated {quote} quote in a parameter value");
            }

            position++;
            if (position < text.Length && !char.IsWhiteSpace(text[position]))
            {
                throw new TemplateException(source, "a quoted parameter value must be followed by a space or the end");
            }

            return value.ToString();
        }

        var start = position;
        while (position < text.Length && !char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return text[start..position];
    }

    private static string RequireKey(string key, string source) =>
        key.Length > 0 && key.All(char.IsAsciiLetterOrDigit)
            ? key
            : throw new TemplateException(source, $"'{key}' is not a parameter name (letters and digits only)");

    private static void SkipWhitespace(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }
}
