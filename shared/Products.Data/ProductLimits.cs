namespace Products.Data;

/// <summary>
/// Every limit of the Products API in one place (API contract v1: README.md, "API (v1)"). Text lengths count Unicode scalar
/// values (code points), the unit JSON Schema's <c>maxLength</c> uses: an emoji counts as one, unlike UTF-16 code units,
/// and the count does not change between Unicode versions, unlike user-perceived characters (grapheme clusters).
/// </summary>
public static class ProductLimits
{
    /// <summary>Maximum length of <c>name</c> after trimming; at least 1 is required.</summary>
    public const int NameMaxLength = 200;

    /// <summary>Maximum length of <c>description</c> after trimming.</summary>
    public const int DescriptionMaxLength = 2000;

    /// <summary>Maximum length of <c>category</c> after trimming.</summary>
    public const int CategoryMaxLength = 100;

    /// <summary><c>price</c> must be strictly below this value.</summary>
    public const decimal PriceExclusiveMaximum = 1_000_000_000m;

    /// <summary>Maximum number of decimal places of <c>price</c> (cents).</summary>
    public const int PriceMaxDecimalPlaces = 2;

    /// <summary>Page size of <c>GET /products</c> when the client gives no <c>limit</c>.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Largest <c>limit</c> a client may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>
    /// Largest accepted request body, in bytes. A valid draft holds at most 2300 code points of text; the costliest
    /// encoding JSON allows is an escaped surrogate pair (<c>\uD83D\uDE00</c>, 12 bytes per code point), so 27,600
    /// bytes plus field names: 32 KiB accepts every valid draft however the client encodes it, and nothing much larger.
    /// </summary>
    public const int MaxRequestBodyBytes = 32 * 1024;

    /// <summary>Length of a product id: a UUID in its canonical 8-4-4-4-12 form.</summary>
    public const int IdMaxLength = 36;

    /// <summary>
    /// Most validation problems reported for one request body, so a body full of unknown fields cannot make the error
    /// response larger than the request.
    /// </summary>
    public const int MaxReportedProblems = 20;
}
