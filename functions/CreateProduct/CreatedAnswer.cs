using Products.Data;
using Products.Lambda.Http;

namespace CreateProduct;

/// <summary>The parts of a 201 for a new product, shared by the plain and the idempotent create.</summary>
internal static class CreatedAnswer
{
    public const string Message = "Product created successfully";

    public static JsonPayload Data(Product product) => JsonPayload.From(product, ProductJsonContext.Default.Product);

    /// <summary>
    /// <c>products/{id}</c>: a relative reference (RFC 9110 §10.2.2), resolved against the POST's URL. Behind a named
    /// stage (<c>https://…/prod/products</c>), a custom domain's base path or locally it lands on the product's GET
    /// route; an absolute <c>/products/{id}</c> would drop the <c>/{stage}</c> prefix the template's HTTP API serves under.
    /// </summary>
    public static string Location(Product product) => "products/" + product.Id;

    /// <summary>A fresh UUID v4 (or a reservation) colliding with another product is a defect, not a client error.</summary>
    public static InvalidOperationException Collision() => new("The new product's id already holds another product.");
}
