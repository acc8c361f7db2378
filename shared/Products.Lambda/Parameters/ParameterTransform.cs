namespace Products.Lambda.Parameters;

/// <summary>How a fetched value is turned into what the caller gets (Powertools Parameters "transform").</summary>
public enum ParameterTransform
{
    /// <summary>The value as stored.</summary>
    None = 0,

    /// <summary>The value must be well-formed JSON; <see cref="SsmParameterProvider.GetAsync"/> returns it unchanged.</summary>
    Json = 1,

    /// <summary>The value is base64; <see cref="SsmParameterProvider.GetAsync"/> returns the decoded UTF-8 text.</summary>
    Base64 = 2,
}
