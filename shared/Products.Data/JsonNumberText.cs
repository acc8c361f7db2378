namespace Products.Data;

/// <summary>
/// Reads facts from the text of a JSON number (RFC 8259 section 6 grammar, already checked by the reader) exactly, before
/// any conversion: <see cref="System.Text.Json.Utf8JsonReader.TryGetDecimal"/> silently rounds (1e-30 becomes 0), which
/// would let a price with too many decimal places through.
/// </summary>
internal static class JsonNumberText
{
    // Exponents beyond this say the same thing for our limits (far too large or far too many places) and keep the
    // arithmetic inside int.
    private const int ExponentCap = 10_000;

    /// <summary>Decimal places of the exact value, ignoring trailing zeros: 1.50 → 1, 1e2 → 0, 1.005 → 3.</summary>
    public static int DecimalPlaces(ReadOnlySpan<byte> number, out bool isZero)
    {
        var i = number.Length > 0 && number[0] == '-' ? 1 : 0;

        var integerStart = i;
        while (i < number.Length && char.IsAsciiDigit((char)number[i]))
        {
            i++;
        }

        var integerDigits = number[integerStart..i];
        var fractionDigits = ReadOnlySpan<byte>.Empty;
        if (i < number.Length && number[i] == '.')
        {
            var fractionStart = ++i;
            while (i < number.Length && char.IsAsciiDigit((char)number[i]))
            {
                i++;
            }

            fractionDigits = number[fractionStart..i];
        }

        var exponent = 0;
        if (i < number.Length && (number[i] == 'e' || number[i] == 'E'))
        {
            i++;
            var negative = number[i] == '-';
            if (number[i] is (byte)'-' or (byte)'+')
            {
                i++;
            }

            for (; i < number.Length; i++)
            {
                exponent = Math.Min(ExponentCap, (exponent * 10) + (number[i] - '0'));
            }

            exponent = negative ? -exponent : exponent;
        }

        var trailingZeros = CountTrailingZeros(fractionDigits);
        if (trailingZeros == fractionDigits.Length)
        {
            trailingZeros += CountTrailingZeros(integerDigits);
        }

        isZero = trailingZeros == integerDigits.Length + fractionDigits.Length;
        return isZero ? 0 : Math.Max(0, fractionDigits.Length - exponent - trailingZeros);
    }

    private static int CountTrailingZeros(ReadOnlySpan<byte> digits)
    {
        var count = 0;
        while (count < digits.Length && digits[digits.Length - 1 - count] == '0')
        {
            count++;
        }

        return count;
    }
}
