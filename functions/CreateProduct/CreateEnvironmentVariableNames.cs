namespace CreateProduct;

/// <summary>The variables only CreateProduct reads (template.yaml sets them per stage).</summary>
internal static class CreateEnvironmentVariableNames
{
    /// <summary>The idempotency table, e.g. products-idempotency-dev.</summary>
    public const string IdempotencyTableName = "IDEMPOTENCY_TABLE_NAME";
}
