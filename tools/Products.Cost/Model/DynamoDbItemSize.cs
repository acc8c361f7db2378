using System.Globalization;
using System.Text;

namespace Products.Cost.Model;

/// <summary>
/// An item's size as DynamoDB bills it (DynamoDB developer guide, "Item sizes and formats"): per attribute the UTF-8
/// bytes of its name plus its value: a string's UTF-8 bytes; a number's significant digits, two per byte rounded up,
/// plus one byte.
/// </summary>
public static class DynamoDbItemSize
{
    public static int Of(IEnumerable<(string Name, string? Text, decimal? Number)> attributes) =>
        attributes.Sum(a => Encoding.UTF8.GetByteCount(a.Name) + (a.Number is { } n ? NumberBytes(n) : Encoding.UTF8.GetByteCount(a.Text ?? "")));

    private static int NumberBytes(decimal number)
    {
        var digits = Math.Abs(number).ToString(CultureInfo.InvariantCulture).Replace(".", "", StringComparison.Ordinal).Trim('0');
        return ((Math.Max(1, digits.Length) + 1) / 2) + 1;
    }
}
