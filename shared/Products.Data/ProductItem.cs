using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Products.Data;

/// <summary>
/// The DynamoDB item format of a product (docs/architecture.md, "Item in DynamoDB"): id (S, hash key), name (S), price (N),
/// description and category (S, omitted when absent), createdAt (S, <see cref="ProductTimestamp.Format"/>), createdBy
/// (S, the creator's token subject; omitted when unknown, as on items written before it existed).
/// </summary>
internal static class ProductItem
{
    public const string Id = "id";
    public const string Name = "name";
    public const string Price = "price";
    public const string Description = "description";
    public const string Category = "category";
    public const string CreatedAt = "createdAt";
    public const string CreatedBy = "createdBy";

    public static Dictionary<string, AttributeValue> Key(string id) => new() { [Id] = new AttributeValue { S = id } };

    public static Dictionary<string, AttributeValue> ToItem(Product product)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [Id] = new() { S = product.Id },
            [Name] = new() { S = product.Name },
            [Price] = new() { N = product.Price.ToString(CultureInfo.InvariantCulture) },
            [CreatedAt] = new() { S = ProductTimestamp.ToText(product.CreatedAt) },
        };
        if (product.Description is not null)
        {
            item[Description] = new() { S = product.Description };
        }

        if (product.Category is not null)
        {
            item[Category] = new() { S = product.Category };
        }

        if (product.CreatedBy is not null)
        {
            item[CreatedBy] = new() { S = product.CreatedBy };
        }

        return item;
    }

    /// <exception cref="CorruptProductItemException">A required attribute is missing or unreadable.</exception>
    public static Product FromItem(Dictionary<string, AttributeValue> item)
    {
        var id = RequiredString(item, Id, "(no id)");
        if (!ProductId.IsValid(id))
        {
            // Such an item could never be read by id nor paged past: the service only writes canonical ids.
            throw Corrupt(id, Id, "a canonical lowercase UUID");
        }

        var name = RequiredString(item, Name, id);

        var priceText = item.GetValueOrDefault(Price)?.N;
        if (!decimal.TryParse(priceText, NumberStyles.Float, CultureInfo.InvariantCulture, out var price))
        {
            throw Corrupt(id, Price, "a number");
        }

        if (!ProductTimestamp.TryParse(item.GetValueOrDefault(CreatedAt)?.S, out var createdAt))
        {
            throw Corrupt(id, CreatedAt, "an ISO 8601 timestamp");
        }

        return new Product(
            id,
            name,
            price,
            item.GetValueOrDefault(Description)?.S,
            item.GetValueOrDefault(Category)?.S,
            createdAt,
            item.GetValueOrDefault(CreatedBy)?.S is { Length: > 0 } createdBy ? createdBy : null);
    }

    private static string RequiredString(Dictionary<string, AttributeValue> item, string attribute, string id) =>
        item.GetValueOrDefault(attribute)?.S is { Length: > 0 } value ? value : throw Corrupt(id, attribute, "a string");

    private static CorruptProductItemException Corrupt(string id, string attribute, string expected) =>
        new($"Product item '{id}' has no readable '{attribute}' attribute (expected {expected}).");
}
