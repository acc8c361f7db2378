namespace ListProducts;

/// <summary>The variables only ListProducts reads (template.yaml sets them per stage).</summary>
internal static class ListEnvironmentVariableNames
{
    /// <summary>Secrets Manager secret whose value signs page tokens, e.g. products/dev/page-token-key.</summary>
    public const string PageTokenSecretId = "PAGE_TOKEN_SECRET_ID";
}
