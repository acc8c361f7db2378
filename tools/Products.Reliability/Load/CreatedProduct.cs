namespace Products.Reliability.Load;

/// <summary>A product the API acknowledged with 201: its id and the <c>data</c> object exactly as returned.</summary>
public sealed record CreatedProduct(string Id, string DataJson);
