using System.Buffers;

namespace Products.Emulator.Ssm;

/// <summary>
/// Name rules the local store enforces, from the AWS Systems Manager User Guide ("Parameter naming constraints") and
/// Secrets Manager's secret-name characters, plus the reference prefix of "Referencing AWS Secrets Manager secrets
/// from Parameter Store parameters".
/// </summary>
internal static class LocalParameterNames
{
    public const string SecretReferencePrefix = "/aws/reference/secretsmanager/";

    private static readonly SearchValues<char> ParameterCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-/");

    private static readonly SearchValues<char> SecretCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/_+=.@-");

    // "If you reference a version stage, it can only use letters, numbers, a period (.), a hyphen (-), or an underscore (_)."
    private static readonly SearchValues<char> StageCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    public static bool IsValidParameterName(string name) =>
        name.Length is > 0 and <= 2048
        && !name.AsSpan().ContainsAnyExcept(ParameterCharacters)
        // Names beginning with aws or ssm (with or without '/') are reserved by AWS.
        && !name.TrimStart('/').StartsWith("aws", StringComparison.OrdinalIgnoreCase)
        && !name.TrimStart('/').StartsWith("ssm", StringComparison.OrdinalIgnoreCase);

    public static bool IsValidSecretId(string id) =>
        id.Length is > 0 and <= 512 && !id.AsSpan().ContainsAnyExcept(SecretCharacters);

    public static bool IsValidStage(string stage) =>
        stage.Length is > 0 and <= 256 && !stage.AsSpan().ContainsAnyExcept(StageCharacters);

    /// <summary>Splits "name:selector" (a Parameter Store version or label, or a secret's version stage).</summary>
    public static (string Name, string? Selector) SplitSelector(string requested)
    {
        var colon = requested.LastIndexOf(':');
        return colon < 0 ? (requested, null) : (requested[..colon], requested[(colon + 1)..]);
    }
}
