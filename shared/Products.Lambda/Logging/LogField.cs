using System.Text.Json;

namespace Products.Lambda.Logging;

/// <summary>
/// One extra key on a single log line ("extra keys" in Powertools): a string, number or boolean. A struct passed through
/// <c>params ReadOnlySpan</c>, so a call whose level is off allocates nothing.
/// </summary>
public readonly struct LogField
{
    private readonly string? _text;
    private readonly long _integer;
    private readonly double _real;
    private readonly decimal _decimal;

    private LogField(string key, LogFieldKind kind, string? text = null, long integer = 0, double real = 0, decimal @decimal = 0)
    {
        Key = key;
        Kind = kind;
        _text = text;
        _integer = integer;
        _real = real;
        _decimal = @decimal;
    }

    /// <summary>The key written on the line.</summary>
    public string Key { get; }

    internal LogFieldKind Kind { get; }

    /// <summary>A string value; null is written as JSON null.</summary>
    public static LogField Of(string key, string? value) => new(key, LogFieldKind.String, text: value);

    /// <summary>An integer value.</summary>
    public static LogField Of(string key, long value) => new(key, LogFieldKind.Integer, integer: value);

    /// <summary>A floating-point value; NaN and infinities are written as strings (JSON has no such numbers).</summary>
    public static LogField Of(string key, double value) => new(key, LogFieldKind.Real, real: value);

    /// <summary>A decimal value (prices).</summary>
    public static LogField Of(string key, decimal value) => new(key, LogFieldKind.Decimal, @decimal: value);

    /// <summary>A boolean value.</summary>
    public static LogField Of(string key, bool value) => new(key, LogFieldKind.Boolean, integer: value ? 1 : 0);

    internal void WriteValue(Utf8JsonWriter writer)
    {
        switch (Kind)
        {
            case LogFieldKind.Integer:
                writer.WriteNumberValue(_integer);
                break;
            case LogFieldKind.Real when double.IsFinite(_real):
                writer.WriteNumberValue(_real);
                break;
            case LogFieldKind.Real:
                writer.WriteStringValue(double.IsNaN(_real) ? "NaN" : _real > 0 ? "Infinity" : "-Infinity");
                break;
            case LogFieldKind.Decimal:
                writer.WriteNumberValue(_decimal);
                break;
            case LogFieldKind.Boolean:
                writer.WriteBooleanValue(_integer != 0);
                break;
            default:
                if (_text is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    writer.WriteStringValue(_text);
                }

                break;
        }
    }
}
