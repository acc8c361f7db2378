using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace Products.Data.Tests.Properties;

/// <summary>Generators of request bodies for the validation properties: valid drafts and single-rule breakers.</summary>
internal static class DraftGenerators
{
    // Printable characters from several scripts, plus emoji (a surrogate pair in UTF-16, one code point).
    private static readonly string[] Letters =
        ["a", "Z", "0", " ", "-", "é", "ß", "日", "本", "ж", "ا", "😀", "☕", "\"", "\\", "/", "<", "&"];

    private static readonly string[] Fields = ["name", "price", "description", "category"];

    public static Gen<string> Text(int minLength, int maxLength) =>
        from length in Gen.Choose(minLength, maxLength)
        from parts in Gen.ArrayOf(Gen.Elements(Letters), length)
        let text = string.Concat(parts).Trim()
        where text.Length > 0 || minLength == 0
        select text;

    /// <summary>Prices within the contract: 0 ≤ p &lt; 1e9 with at most two decimal places.</summary>
    public static Gen<decimal> Price =>
        from cents in Gen.Choose(0, int.MaxValue)
        from scale in Gen.Elements(1L, 100L, 10_000L)
        select Math.Min(cents * scale, 99_999_999_999L) / 100m;

    public static Gen<ProductDraft> ValidDraft =>
        from name in Text(1, 200)
        from price in Price
        from description in Gen.OrNull(Text(1, 2000))
        from category in Gen.OrNull(Text(1, 100))
        select new ProductDraft(name, price, description, category);

    public static Arbitrary<ProductDraft> ValidDrafts => ValidDraft.ToArbitrary();

    /// <summary>The draft as a client would send it, field order shuffled, price written in one of its JSON spellings.</summary>
    public static Gen<string> BodyOf(ProductDraft draft) =>
        from order in Gen.Shuffle(Fields)
        from spelling in Gen.Elements(0, 1, 2)
        select Body(draft, order, spelling);

    private static string Body(ProductDraft draft, IEnumerable<string> order, int priceSpelling)
    {
        var fields = new List<string>();
        foreach (var field in order)
        {
            switch (field)
            {
                case "name":
                    fields.Add($"\"name\":{JsonSerializer.Serialize(draft.Name, TestJson.Default.String)}");
                    break;
                case "price":
                    fields.Add($"\"price\":{PriceText(draft.Price, priceSpelling)}");
                    break;
                case "description" when draft.Description is not null:
                    fields.Add($"\"description\":{JsonSerializer.Serialize(draft.Description, TestJson.Default.String)}");
                    break;
                case "category" when draft.Category is not null:
                    fields.Add($"\"category\":{JsonSerializer.Serialize(draft.Category, TestJson.Default.String)}");
                    break;
            }
        }

        return "{" + string.Join(",", fields) + "}";
    }

    // Plain, with trailing zeros, or in exponent form: all the same number to a JSON reader.
    private static string PriceText(decimal price, int spelling) => spelling switch
    {
        0 => price.ToString(CultureInfo.InvariantCulture),
        1 => price.ToString("0.00", CultureInfo.InvariantCulture),
        _ => (price * 100m).ToString("0", CultureInfo.InvariantCulture) + "e-2",
    };

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
