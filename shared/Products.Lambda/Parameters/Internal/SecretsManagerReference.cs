using System.Buffers;

namespace Products.Lambda.Parameters.Internal;

/// <summary>
/// Parameter names that make SSM read a Secrets Manager secret: "/aws/reference/secretsmanager/{secret-id}", with an
/// optional ":{version-stage}" or ":{version-id}" selector. Follows "Referencing AWS Secrets Manager secrets from
/// Parameter Store parameters" (AWS Systems Manager User Guide): only GetParameter/GetParameters, WithDecryption=true,
/// and a stage may only use letters, digits, '.', '-' and '_'.
/// </summary>
internal static class SecretsManagerReference
{
    public const string Prefix = "/aws/reference/secretsmanager/";

    private static readonly SearchValues<char> StageCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    public static string ParameterName(string secretId, string? versionStage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretId);
        if (secretId.Contains(':', StringComparison.Ordinal))
        {
            // ':' starts the selector; secret ARNs are not supported through the reference.
            throw new ArgumentException("Use the secret's name, not its ARN: ':' starts a version selector.", nameof(secretId));
        }

        if (versionStage is null)
        {
            return Prefix + secretId;
        }

        if (versionStage.Length == 0 || versionStage.AsSpan().ContainsAnyExcept(StageCharacters))
        {
            throw new ArgumentException(
                "A version stage may only use letters, digits, '.', '-' and '_'.", nameof(versionStage));
        }

        return $"{Prefix}{secretId}:{versionStage}";
    }
}
