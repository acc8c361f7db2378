using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace Products.Data;

/// <summary>
/// Turns a <c>POST /products</c> body into a <see cref="ProductDraft"/>, reporting every problem at once (API contract
/// v1: README.md, "API (v1)"). Reads with <see cref="Utf8JsonReader"/>: no reflection, no intermediate document.
/// </summary>
/// <remarks>
/// Rules beyond the contract's limits: text is trimmed; an optional text field that is null, empty or only whitespace is
/// absent (an empty form field means "not given", and stored items never hold empty strings); control characters are
/// rejected in <c>name</c> and <c>category</c>, and in <c>description</c> except tab and line breaks; field names are
/// case-sensitive and each may appear once; <c>price</c> must be a JSON number, not a numeric string. The caller enforces
/// <see cref="ProductLimits.MaxRequestBodyBytes"/> before parsing.
/// </remarks>
public static class ProductDraftParser
{
    // The body is one flat object; nested values are only ever wrong types, so a small depth is enough to report them
    // and stops pathological nesting early.
    private const int MaxDepth = 8;

    // Unknown field names are echoed back in problems: cap their length so the response stays small.
    private const int MaxEchoedFieldNameLength = 64;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> ReplacementCharacter => [0xEF, 0xBF, 0xBD];

    /// <summary>Parses and validates a UTF-8 JSON request body.</summary>
    public static DraftParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        // RFC 8259 section 8.1 lets parsers ignore a byte order mark; some clients send one.
        if (utf8Json.StartsWith(Utf8ByteOrderMark))
        {
            utf8Json = utf8Json[Utf8ByteOrderMark.Length..];
        }

        if (!Utf8.IsValid(utf8Json))
        {
            return new DraftParseResult.Malformed("The request body is not valid UTF-8 text.");
        }

        // A raw U+FFFD is what a lossy decoder leaves for bytes that were not UTF-8 (API Gateway hands text bodies to
        // the function as a string, so the function may never see the bad bytes themselves). Storing it would keep
        // the client's corrupted text as if it were what they meant; "\uFFFD" written as an escape stays allowed.
        if (utf8Json.IndexOf(ReplacementCharacter) >= 0)
        {
            return new DraftParseResult.Malformed(
                "The request body is not valid UTF-8 text (it holds U+FFFD, left where bytes were not UTF-8).");
        }

        if (utf8Json.Trim(" \t\r\n"u8).IsEmpty)
        {
            return new DraftParseResult.Malformed("The request body is empty; send a JSON object.");
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            return ParseObject(ref reader);
        }
        catch (JsonException e) when (reader.CurrentDepth >= MaxDepth - 1)
        {
            return new DraftParseResult.Malformed(
                $"The request body nests JSON more than {MaxDepth} levels deep (line {e.LineNumber + 1}).");
        }
        catch (JsonException e)
        {
            return new DraftParseResult.Malformed(
                $"The request body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }
        catch (InvalidOperationException)
        {
            // Thrown by GetString for a field name holding an unpaired \uD800-\uDFFF escape.
            return new DraftParseResult.Malformed("The request body has a field name that is not valid Unicode text.");
        }
    }

    private static DraftParseResult ParseObject(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            reader.Read(); // Throws when the body holds more than one value, so that is reported as invalid JSON.
            return new DraftParseResult.Malformed("The request body must be a JSON object.");
        }

        var problems = new ProblemList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? name = null;
        decimal? price = null;
        string? description = null;
        string? category = null;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.GetString()!;
            reader.Read();
            var firstTime = seen.Add(field);
            switch (field)
            {
                case "name":
                    name = ReadText(ref reader, field, ProductLimits.NameMaxLength, TextKind.SingleLine, problems);
                    break;
                case "price":
                    price = ReadPrice(ref reader, problems);
                    break;
                case "description":
                    description = ReadText(ref reader, field, ProductLimits.DescriptionMaxLength, TextKind.MultiLine, problems);
                    break;
                case "category":
                    category = ReadText(ref reader, field, ProductLimits.CategoryMaxLength, TextKind.SingleLine, problems);
                    break;
                default:
                    reader.Skip();
                    if (firstTime)
                    {
                        problems.Add(Echo(field), UnknownFieldProblem(field));
                    }

                    continue;
            }

            if (!firstTime)
            {
                problems.Add(field, "must appear only once");
            }
        }

        reader.Read(); // Throws on anything after the closing brace.

        if (!seen.Contains("name"))
        {
            problems.Add("name", "is required");
        }

        if (!seen.Contains("price"))
        {
            problems.Add("price", "is required");
        }

        return problems.Count > 0 || name is null || price is null
            ? new DraftParseResult.Invalid(problems.ToList())
            : new DraftParseResult.Valid(new ProductDraft(name, price.Value, description, category));
    }

    private static string? ReadText(
        ref Utf8JsonReader reader, string field, int maxLength, TextKind kind, ProblemList problems)
    {
        var required = field == "name";
        if (reader.TokenType == JsonTokenType.Null && !required)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            problems.Add(field, $"must be a string, not {Describe(reader.TokenType)}");
            reader.Skip();
            return null;
        }

        string text;
        try
        {
            text = reader.GetString()!.Trim();
        }
        catch (InvalidOperationException)
        {
            // An unpaired \uD800-\uDFFF escape: not text in any encoding we can store.
            problems.Add(field, "must be valid Unicode text");
            return null;
        }

        if (text.Length == 0)
        {
            if (required)
            {
                problems.Add(field, "must not be empty");
            }

            return null;
        }

        if (HasForbiddenControlCharacter(text, kind))
        {
            problems.Add(field, kind == TextKind.SingleLine
                ? "must not contain control characters (such as line breaks or tabs)"
                : "must not contain control characters other than tabs and line breaks");
            return null;
        }

        var length = text.Length <= maxLength ? text.Length : text.EnumerateRunes().Count();
        if (length > maxLength)
        {
            problems.Add(field, $"must be at most {maxLength} characters (it has {length})");
            return null;
        }

        return text;
    }

    private static decimal? ReadPrice(ref Utf8JsonReader reader, ProblemList problems)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            problems.Add("price", reader.TokenType == JsonTokenType.String
                ? "must be a JSON number such as 12.5, not a string"
                : $"must be a number, not {Describe(reader.TokenType)}");
            reader.Skip();
            return null;
        }

        var places = JsonNumberText.DecimalPlaces(reader.ValueSpan, out var isZero);
        if (!isZero && reader.ValueSpan[0] == '-')
        {
            problems.Add("price", "must be zero or more");
            return null;
        }

        if (places > ProductLimits.PriceMaxDecimalPlaces)
        {
            problems.Add("price", $"must have at most {ProductLimits.PriceMaxDecimalPlaces} decimal places");
            return null;
        }

        // With at most 2 places, a value that does not fit a decimal is far above the maximum.
        if (!reader.TryGetDecimal(out var price) || price >= ProductLimits.PriceExclusiveMaximum)
        {
            problems.Add("price", "must be less than "
                + ProductLimits.PriceExclusiveMaximum.ToString(CultureInfo.InvariantCulture));
            return null;
        }

        // Normalized so the stored, returned and re-read values look the same: 12.50 → 12.5, -0 → 0.
        return isZero ? 0m : decimal.Round(price, places);
    }

    private static bool HasForbiddenControlCharacter(string text, TextKind kind)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && !(kind == TextKind.MultiLine && c is '\t' or '\n' or '\r'))
            {
                return true;
            }
        }

        return false;
    }

    private static string UnknownFieldProblem(string field) => field is "id" or "createdAt"
        ? "is set by the server and cannot be sent"
        : "is not a known field (allowed: name, price, description, category)";

    private static string Echo(string field)
    {
        if (field.Length <= MaxEchoedFieldNameLength)
        {
            return field;
        }

        var cut = char.IsHighSurrogate(field[MaxEchoedFieldNameLength - 1])
            ? MaxEchoedFieldNameLength - 1
            : MaxEchoedFieldNameLength;
        return string.Concat(field.AsSpan(0, cut), "…");
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "this JSON value",
    };
}
