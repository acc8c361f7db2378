namespace Products.Emulator.Template.Internal;

/// <summary>
/// Reads <c>AWS::DynamoDB::Table</c> ("AWS::DynamoDB::Table", AWS CloudFormation User Guide). Checks what DynamoDB would reject at CreateTable, so the mistake shows at
/// load time with its template path.
/// </summary>
internal static class TableReader
{
    public static TableDefinition Read(TemplateResource resource, LoadContext context)
    {
        var path = $"{resource.Path}.Properties";
        var properties = context.Resolver.ResolveMapping(resource.Properties, path);
        var name = context.Catalog.PhysicalName(resource, context.Resolver);
        var arn = ((TemplateScalar)context.Catalog.GetAtt(resource.LogicalId, "Arn", context.Resolver, path)).Text;
        return Table(resource, properties, path, name, arn);
    }

    private static TableDefinition Table(TemplateResource resource, TemplateMapping properties, string path, string name, string arn)
    {
        var attributes = Items(properties, "AttributeDefinitions", path, (item, itemPath) => new AttributeDefinition(
            ValueReader.RequiredString(item, "AttributeName", itemPath),
            ValueReader.RequiredString(item, "AttributeType", itemPath)));
        var keySchema = KeySchema(properties, path);
        var billingMode = ValueReader.OptionalString(properties, "BillingMode", path) ?? "PROVISIONED";
        if (billingMode is not ("PROVISIONED" or "PAY_PER_REQUEST"))
        {
            throw new TemplateException($"{path}.BillingMode", $"'{billingMode}' is not PROVISIONED or PAY_PER_REQUEST");
        }

        var throughput = Throughput(properties, path);
        if (billingMode == "PROVISIONED" && throughput is null)
        {
            throw new TemplateException(path, "BillingMode PROVISIONED (the default) needs ProvisionedThroughput");
        }

        var globalIndexes = Indexes(properties, "GlobalSecondaryIndexes", path);
        var localIndexes = Indexes(properties, "LocalSecondaryIndexes", path);
        CheckAttributes(attributes, keySchema, globalIndexes, localIndexes, path);
        var ttl = ValueReader.OptionalMapping(properties, "TimeToLiveSpecification", path) is { } ttlSpec
            ? new TimeToLiveDefinition(
                ValueReader.OptionalString(ttlSpec, "AttributeName", $"{path}.TimeToLiveSpecification") ?? string.Empty,
                ValueReader.OptionalBool(ttlSpec, "Enabled", $"{path}.TimeToLiveSpecification") ?? false)
            : null;
        var stream = ValueReader.OptionalMapping(properties, "StreamSpecification", path) is { } streamSpec
            ? ValueReader.RequiredString(streamSpec, "StreamViewType", $"{path}.StreamSpecification")
            : null;
        return new TableDefinition(resource.LogicalId, name, arn, attributes, keySchema, globalIndexes, localIndexes, billingMode, throughput, ttl, stream, properties);
    }

    private static KeySchemaElement[] KeySchema(TemplateMapping properties, string path)
    {
        var keys = Items(properties, "KeySchema", path, (item, itemPath) => new KeySchemaElement(
            ValueReader.RequiredString(item, "AttributeName", itemPath),
            ValueReader.RequiredString(item, "KeyType", itemPath)));
        var valid = keys is [{ KeyType: "HASH" }] or [{ KeyType: "HASH" }, { KeyType: "RANGE" }];
        return valid
            ? keys
            : throw new TemplateException($"{path}.KeySchema", "must be one HASH key, optionally followed by one RANGE key");
    }

    private static SecondaryIndexDefinition[] Indexes(TemplateMapping properties, string key, string path) =>
        properties.ContainsKey(key)
            ? Items(properties, key, path, (item, itemPath) =>
            {
                var projection = ValueReader.OptionalMapping(item, "Projection", itemPath)
                    ?? throw new TemplateException(itemPath, "the required property 'Projection' is missing");
                return new SecondaryIndexDefinition(
                    ValueReader.RequiredString(item, "IndexName", itemPath),
                    KeySchema(item, itemPath),
                    ValueReader.OptionalString(projection, "ProjectionType", $"{itemPath}.Projection") ?? "ALL",
                    ValueReader.OptionalStringList(projection, "NonKeyAttributes", $"{itemPath}.Projection"),
                    Throughput(item, itemPath));
            })
            : [];

    private static ProvisionedThroughputDefinition? Throughput(TemplateMapping properties, string path)
    {
        if (ValueReader.OptionalMapping(properties, "ProvisionedThroughput", path) is not { } throughput)
        {
            return null;
        }

        var here = $"{path}.ProvisionedThroughput";
        return new ProvisionedThroughputDefinition(
            ValueReader.OptionalLong(throughput, "ReadCapacityUnits", here) ?? throw new TemplateException(here, "ReadCapacityUnits is required"),
            ValueReader.OptionalLong(throughput, "WriteCapacityUnits", here) ?? throw new TemplateException(here, "WriteCapacityUnits is required"));
    }

    private static void CheckAttributes(
        IReadOnlyList<AttributeDefinition> attributes,
        IReadOnlyList<KeySchemaElement> keySchema,
        IReadOnlyList<SecondaryIndexDefinition> globalIndexes,
        IReadOnlyList<SecondaryIndexDefinition> localIndexes,
        string path)
    {
        // DynamoDB CreateTable: every key attribute must be defined, and every defined attribute must be a key somewhere.
        var defined = attributes.Select(attribute => attribute.AttributeName).ToHashSet(StringComparer.Ordinal);
        var used = keySchema.Concat(globalIndexes.Concat(localIndexes).SelectMany(index => index.KeySchema))
            .Select(key => key.AttributeName)
            .ToHashSet(StringComparer.Ordinal);
        var undefined = used.Except(defined).Order(StringComparer.Ordinal).ToArray();
        if (undefined.Length > 0)
        {
            throw new TemplateException($"{path}.AttributeDefinitions", $"key attribute(s) {string.Join(", ", undefined)} are not defined");
        }

        var unused = defined.Except(used).Order(StringComparer.Ordinal).ToArray();
        if (unused.Length > 0)
        {
            throw new TemplateException($"{path}.AttributeDefinitions", $"attribute(s) {string.Join(", ", unused)} are defined but no key or index uses them (DynamoDB rejects that)");
        }
    }

    private static T[] Items<T>(TemplateMapping properties, string key, string path, Func<TemplateMapping, string, T> read)
    {
        var here = $"{path}.{key}";
        if (properties[key] is not TemplateSequence { Items.Count: > 0 } sequence)
        {
            throw new TemplateException(here, "must be a non-empty list");
        }

        return sequence.Items.Select((item, index) => read(ValueReader.Mapping(item, $"{here}[{index}]"), $"{here}[{index}]")).ToArray();
    }
}
