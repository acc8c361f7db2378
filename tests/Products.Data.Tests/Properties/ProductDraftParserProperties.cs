using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Products.Data.Tests.Properties;

public sealed class ProductDraftParserProperties
{
    [Property(MaxTest = 300)]
    public Property AnyValidDraft_InAnyFieldOrderAndPriceSpelling_ParsesToTheSameDraft() =>
        Prop.ForAll(
            DraftGenerators.ValidDraft.SelectMany(DraftGenerators.BodyOf, (draft, body) => (draft, body)).ToArbitrary(),
            sample =>
            {
                var result = ProductDraftParser.Parse(DraftGenerators.Utf8(sample.body));

                return result is DraftParseResult.Valid valid && valid.Draft == sample.draft;
            });

    [Property(MaxTest = 500)]
    public Property AnyBytes_ParseNeverThrows_AndValidOnlyForObjects(byte[] body) =>
        Prop.ForAll(
            Arb.From(Gen.OneOf(
                Gen.Constant(body ?? []),
                Gen.Elements("{", "}", "[", "]", "\"", ":", ",", "name", "price", "1e999", "-", "\\u", "null", "\uD800", " ")
                    .ArrayOf()
                    .Select(parts => DraftGenerators.Utf8(string.Concat(parts))))),
            bytes =>
            {
                var result = ProductDraftParser.Parse(bytes);

                return result is DraftParseResult.Malformed or DraftParseResult.Invalid
                    || (result is DraftParseResult.Valid && bytes.AsSpan().TrimStart(" \t\r\n\uFEFF"u8).StartsWith("{"u8));
            });

    [Property(MaxTest = 200)]
    public Property AnyStrictPrefixOfAValidBody_IsMalformed() =>
        Prop.ForAll(
            (from draft in DraftGenerators.ValidDraft
             from body in DraftGenerators.BodyOf(draft)
             from cut in Gen.Choose(0, body.Length - 1)
             select body[..cut]).ToArbitrary(),
            prefix => ProductDraftParser.Parse(DraftGenerators.Utf8(prefix)) is DraftParseResult.Malformed);

    [Property(MaxTest = 200)]
    public Property PriceWithMoreThanTwoDecimals_IsRefusedNamingPrice() =>
        Prop.ForAll(
            (from draft in DraftGenerators.ValidDraft
             from extra in Gen.Choose(1, 9)
             from places in Gen.Choose(3, 12)
             select (draft, price: draft.Price.ToString("0.00", CultureInfo.InvariantCulture) + new string('0', places - 3) + extra)).ToArbitrary(),
            sample => OnlyProblemIs(
                $$"""{"name":"{{Safe(sample.draft.Name)}}","price":{{sample.price}}}""", "price", "decimal places"));

    [Property(MaxTest = 200)]
    public Property NegativePrice_IsRefusedNamingPrice() =>
        Prop.ForAll(
            DraftGenerators.Price.Where(price => price > 0).ToArbitrary(),
            price => OnlyProblemIs(
                $$"""{"name":"n","price":-{{price.ToString(CultureInfo.InvariantCulture)}}}""", "price", "zero or more"));

    [Property(MaxTest = 100)]
    public Property PriceAtOrAboveTheMaximum_IsRefusedNamingPrice() =>
        Prop.ForAll(
            Gen.Elements("1000000000", "1e9", "1E10", "999999999999999999999999999999", "1e400", "7.9e28").ToArbitrary(),
            price => OnlyProblemIs($$"""{"name":"n","price":{{price}}}""", "price", "less than"));

    [Property(MaxTest = 200)]
    public Property TextLongerThanItsLimit_IsRefusedNamingTheField() =>
        Prop.ForAll(
            (from field in Gen.Elements(
                    ("name", ProductLimits.NameMaxLength),
                    ("description", ProductLimits.DescriptionMaxLength),
                    ("category", ProductLimits.CategoryMaxLength))
             from over in Gen.Choose(1, 50)
             from letter in Gen.Elements("x", "é", "😀")
             select (field.Item1, text: string.Concat(Enumerable.Repeat(letter, field.Item2 + over)))).ToArbitrary(),
            sample =>
            {
                var body = sample.Item1 == "name"
                    ? $$"""{"name":"{{sample.text}}","price":1}"""
                    : $$"""{"name":"n","price":1,"{{sample.Item1}}":"{{sample.text}}"}""";
                return OnlyProblemIs(body, sample.Item1, "at most");
            });

    [Property(MaxTest = 200)]
    public Property AnyUnknownField_IsRefusedByName() =>
        Prop.ForAll(
            DraftGenerators.Text(1, 40)
                .Where(field => field is not ("name" or "price" or "description" or "category"))
                .Select(field => field.Replace("\"", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal))
                .Where(field => field.Length > 0)
                .ToArbitrary(),
            field => OnlyProblemIs($$"""{"name":"n","price":1,"{{field}}":0}""", field, "field"));

    [Property(MaxTest = 100)]
    public Property AControlCharacterInASingleLineField_IsRefusedNamingIt() =>
        Prop.ForAll(
            (from field in Gen.Elements("name", "category")
             from control in Gen.Choose(0, 0x1F).Where(c => c is not (' '))
             select (field, escaped: $"\\u{control:x4}")).ToArbitrary(),
            sample =>
            {
                var body = sample.field == "name"
                    ? $$"""{"name":"a{{sample.escaped}}b","price":1}"""
                    : $$"""{"name":"n","price":1,"category":"a{{sample.escaped}}b"}""";
                return OnlyProblemIs(body, sample.field, "control characters");
            });

    private static bool OnlyProblemIs(string body, string field, string problemPart) =>
        ProductDraftParser.Parse(DraftGenerators.Utf8(body)) is DraftParseResult.Invalid { Problems: [var problem] }
        && problem.Field == field
        && problem.Problem.Contains(problemPart, StringComparison.Ordinal);

    private static string Safe(string name) => name.Replace("\\", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal) is { Length: > 0 } safe ? safe : "n";
}
