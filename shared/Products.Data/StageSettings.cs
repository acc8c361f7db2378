using System.Text.Json.Serialization;

namespace Products.Data;

/// <summary>
/// The stage's settings document, stored as JSON in SSM (<c>/products/&lt;stage&gt;/settings</c>) so operators can change
/// them without a deploy. One shape for every function that reads it, so an unknown (misspelt) member is refused
/// (<see cref="StageSettingsJsonContext"/>) while each function checks only the members it uses.
/// </summary>
/// <param name="DefaultPageSize">ListProducts: page size without <c>limit</c>.</param>
/// <param name="MaxPageSize">ListProducts: largest <c>limit</c>.</param>
/// <param name="IdempotencyRetentionHours">
/// CreateProduct: how long an <c>Idempotency-Key</c> and its stored answer are kept; null means
/// <see cref="DefaultIdempotencyRetentionHours"/>.
/// </param>
public sealed record StageSettings(
    [property: JsonPropertyName("defaultPageSize")] int DefaultPageSize,
    [property: JsonPropertyName("maxPageSize")] int MaxPageSize,
    [property: JsonPropertyName("idempotencyRetentionHours")] int? IdempotencyRetentionHours = null)
{
    /// <summary>24 hours: long enough for any client's retries, as common for idempotency keys on public APIs.</summary>
    public const int DefaultIdempotencyRetentionHours = 24;

    /// <summary>
    /// 30 days at most: a key blocks reuse with another body for as long as it is kept, and nothing retries for longer.
    /// </summary>
    public const int MaxIdempotencyRetentionHours = 720;
}
