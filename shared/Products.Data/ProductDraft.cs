namespace Products.Data;

/// <summary>
/// A validated request to create a product: only <see cref="ProductDraftParser"/> builds one from client input, so its
/// values already respect <see cref="ProductLimits"/> (trimmed text, absent optional text is null, price normalized).
/// </summary>
public sealed record ProductDraft(string Name, decimal Price, string? Description, string? Category);
