namespace Products.Data;

/// <summary>
/// What <see cref="ProductDraftParser.Parse"/> found: a closed set of three cases (the private constructor keeps it
/// closed), so callers can map each to one response.
/// </summary>
public abstract record DraftParseResult
{
    private DraftParseResult()
    {
    }

    /// <summary>The body is a valid draft.</summary>
    public sealed record Valid(ProductDraft Draft) : DraftParseResult;

    /// <summary>The body is a JSON object but its fields break the contract; every problem found is listed.</summary>
    public sealed record Invalid(IReadOnlyList<ValidationProblem> Problems) : DraftParseResult;

    /// <summary>The body is not a JSON object (not UTF-8, not JSON, or another JSON value).</summary>
    public sealed record Malformed(string Problem) : DraftParseResult;
}
