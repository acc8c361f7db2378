using System.Text.Json.Serialization;

namespace ListProducts;

/// <summary>
/// The stage's paging settings, stored as JSON in SSM (<c>/products/&lt;stage&gt;/settings</c>) so operators can change
/// them without a deploy.
/// </summary>
internal sealed record ListSettings(
    [property: JsonPropertyName("defaultPageSize")] int DefaultPageSize,
    [property: JsonPropertyName("maxPageSize")] int MaxPageSize);
