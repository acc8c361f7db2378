using System.Globalization;
using System.Text;

namespace Products.Emulator.Template.Internal;

/// <summary>
/// The subset of TOML v1.0.0 that samconfig.toml uses ("AWS SAM CLI configuration file" documents it): comments,
/// <c>[dotted.table]</c> headers, <c>key = value</c> with basic or literal strings, integers, floats, booleans and
/// (multi-line) arrays of those. Anything else (inline tables, arrays of tables, multi-line strings, dates) is refused
/// with its line number rather than misread: a wrong stack name or parameter would deploy the wrong stage.
/// </summary>
/// <remarks>
/// Hand-written instead of the Tomlyn package: samconfig needs a tenth of TOML, the emulator must stay AOT-friendly
/// and dependency-light, and a refusal we word ourselves beats a silently different reading.
/// </remarks>
internal sealed class TomlReader
{
    private readonly string _text;
    private readonly string _source;
    private int _position;
    private int _line = 1;

    private TomlReader(string text, string source)
    {
        _text = text;
        _source = source;
    }

    /// <summary>Tables by dotted name ("dev.deploy.parameters"); keys at the top level live in table "".</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, TemplateValue>> Read(string text, string source) =>
        new TomlReader(text, source).ReadDocument();

    private Dictionary<string, IReadOnlyDictionary<string, TemplateValue>> ReadDocument()
    {
        var tables = new Dictionary<string, IReadOnlyDictionary<string, TemplateValue>>(StringComparer.Ordinal);
        var current = new Dictionary<string, TemplateValue>(StringComparer.Ordinal);
        tables[string.Empty] = current;
        while (true)
        {
            SkipBlank(allowNewlines: true);
            if (AtEnd)
            {
                return tables;
            }

            if (Peek == '[')
            {
                _position++;
                if (Peek == '[')
                {
                    throw Error("arrays of tables ([[...]]) are not supported in samconfig.toml");
                }

                SkipBlank(allowNewlines: false);
                var name = ReadKey();
                SkipBlank(allowNewlines: false);
                Expect(']');
                EndOfLine();
                if (tables.ContainsKey(name))
                {
                    throw Error($"table [{name}] is defined twice");
                }

                current = new Dictionary<string, TemplateValue>(StringComparer.Ordinal);
                tables[name] = current;
                continue;
            }

            var key = ReadKey();
            SkipBlank(allowNewlines: false);
            Expect('=');
            SkipBlank(allowNewlines: false);
            var value = ReadValue();
            EndOfLine();
            if (!current.TryAdd(key, value))
            {
                throw Error($"key '{key}' is defined twice in the same table");
            }
        }
    }

    private string ReadKey()
    {
        var parts = new List<string>();
        while (true)
        {
            parts.Add(Peek switch
            {
                '"' => ReadBasicString(),
                '\'' => ReadLiteralString(),
                _ => ReadBareKey(),
            });
            SkipBlank(allowNewlines: false);
            if (Peek != '.')
            {
                return string.Join('.', parts);
            }

            _position++;
            SkipBlank(allowNewlines: false);
        }
    }

    private string ReadBareKey()
    {
        var start = _position;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Peek) || Peek is '_' or '-'))
        {
            _position++;
        }

        return _position > start ? _text[start.._position] : throw Error("expected a key");
    }

    private TemplateValue ReadValue()
    {
        if (AtEnd)
        {
            throw Error("expected a value");
        }

        switch (Peek)
        {
            case '"':
                return TemplateScalar.String(ReadBasicString());
            case '\'':
                return TemplateScalar.String(ReadLiteralString());
            case '[':
                return ReadArray();
            case '{':
                throw Error("inline tables are not supported in samconfig.toml");
        }

        var start = _position;
        while (!AtEnd && !char.IsWhiteSpace(Peek) && Peek is not (',' or ']' or '#'))
        {
            _position++;
        }

        var word = _text[start.._position];
        if (word is "true" or "false")
        {
            return new TemplateScalar(word, ScalarKind.Boolean);
        }

        var number = word.Replace("_", string.Empty, StringComparison.Ordinal);
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !number.Contains("Infinity", StringComparison.Ordinal))
        {
            return new TemplateScalar(number, ScalarKind.Number);
        }

        throw Error($"unsupported value '{word}' (strings must be quoted)");
    }

    private TemplateSequence ReadArray()
    {
        Expect('[');
        var items = new List<TemplateValue>();
        while (true)
        {
            SkipBlank(allowNewlines: true);
            if (Peek == ']')
            {
                _position++;
                return new TemplateSequence(items);
            }

            items.Add(ReadValue());
            SkipBlank(allowNewlines: true);
            if (Peek == ',')
            {
                _position++;
                continue;
            }

            if (Peek != ']')
            {
                throw Error("expected ',' or ']' in an array");
            }
        }
    }

    private string ReadBasicString()
    {
        Expect('"');
        if (Peek == '"' && _position + 1 < _text.Length && _text[_position + 1] == '"')
        {
            throw Error("multi-line strings (\"\"\") are not supported in samconfig.toml");
        }

        var value = new StringBuilder();
        while (true)
        {
            if (AtEnd || Peek == '\n')
            {
                throw Error("unterminated string");
            }

            var c = _text[_position++];
            if (c == '"')
            {
                return value.ToString();
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            if (AtEnd)
            {
                throw Error("unterminated string");
            }

            var escape = _text[_position++];
            switch (escape)
            {
                case '"': value.Append('"'); break;
                case '\\': value.Append('\\'); break;
                case 'b': value.Append('\b'); break;
                case 't': value.Append('\t'); break;
                case 'n': value.Append('\n'); break;
                case 'f': value.Append('\f'); break;
                case 'r': value.Append('\r'); break;
                case 'u': value.Append(ReadUnicode(4)); break;
                case 'U': value.Append(ReadUnicode(8)); break;
                default: throw Error($"unknown escape '\\{escape}'");
            }
        }
    }

    private string ReadUnicode(int digits)
    {
        if (_position + digits > _text.Length
            || !int.TryParse(_text.AsSpan(_position, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
        {
            throw Error("invalid unicode escape");
        }

        _position += digits;
        return char.ConvertFromUtf32(code);
    }

    private string ReadLiteralString()
    {
        Expect('\'');
        var start = _position;
        while (!AtEnd && Peek != '\'' && Peek != '\n')
        {
            _position++;
        }

        if (AtEnd || Peek == '\n')
        {
            throw Error("unterminated string");
        }

        var value = _text[start.._position];
        _position++;
        return value;
    }

    private void SkipBlank(bool allowNewlines)
    {
        while (!AtEnd)
        {
            var c = Peek;
            if (c == '#')
            {
                while (!AtEnd && Peek != '\n')
                {
                    _position++;
                }
            }
            else if (c == '\n' && allowNewlines)
            {
                _line++;
                _position++;
            }
            else if (c is ' ' or '\t' or '\r')
            {
                _position++;
            }
            else
            {
                return;
            }
        }
    }

    private void EndOfLine()
    {
        SkipBlank(allowNewlines: false);
        if (AtEnd)
        {
            return;
        }

        if (Peek != '\n')
        {
            throw Error($"unexpected '{Peek}' after a value");
        }
    }

    private void Expect(char expected)
    {
        if (AtEnd || Peek != expected)
        {
            throw Error($"expected '{expected}'");
        }

        _position++;
    }

    private bool AtEnd => _position >= _text.Length;

    private char Peek => AtEnd ? '\0' : _text[_position];

    private TemplateException Error(string problem) => new($"{_source}:{_line}", problem);
}
