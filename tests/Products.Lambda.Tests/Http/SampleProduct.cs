namespace Products.Lambda.Tests.Http;

/// <summary>A stand-in payload type; the library knows nothing of products.</summary>
internal sealed record SampleProduct(string Id, string Name, decimal Price);
