namespace ListProducts;

/// <summary>The variables only ListProducts reads (template.yaml sets them per stage).</summary>
internal static class ListEnvironmentVariableNames
{
    /// <summary>SSM parameter holding the paging settings JSON, e.g. /products/dev/settings.</summary>
    public const string SettingsParameter = "SETTINGS_PARAMETER";

    /// <summary>Secrets Manager secret whose value signs page tokens, e.g. products/dev/page-token-key.</summary>
    public const string PageTokenSecretId = "PAGE_TOKEN_SECRET_ID";
}
