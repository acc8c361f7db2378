namespace Products.Data;

/// <summary>A stored product, as returned by the API.</summary>
/// <param name="Id">Server-assigned UUID v4, lowercase (see <see cref="ProductId"/>).</param>
/// <param name="Name">Trimmed, 1 to <see cref="ProductLimits.NameMaxLength"/> characters.</param>
/// <param name="Price">Zero or more, at most two decimal places, below <see cref="ProductLimits.PriceExclusiveMaximum"/>.</param>
/// <param name="Description">Null when absent.</param>
/// <param name="Category">Null when absent.</param>
/// <param name="CreatedAt">Server-assigned creation time, UTC, millisecond precision.</param>
/// <param name="CreatedBy">
/// Who created it: the <c>sub</c> claim of the token API Gateway's authorizer verified. Null for products created before
/// writes needed a token, and for a create that reached the function without an authorizer's claims.
/// </param>
public sealed record Product(
    string Id,
    string Name,
    decimal Price,
    string? Description,
    string? Category,
    DateTimeOffset CreatedAt,
    string? CreatedBy = null);
