using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Products.Emulator.Ssm;

/// <summary>
/// Turns a requested name into what GetParameter/GetParameters return, as AWS does: "name:version" selectors,
/// SecureString values only WithDecryption (otherwise a placeholder standing in for KMS ciphertext), and Secrets
/// Manager references ("Referencing AWS Secrets Manager secrets from Parameter Store parameters": WithDecryption must
/// be true, an optional ":stage" selects AWSCURRENT or AWSPREVIOUS, the response Name has no selector).
/// </summary>
internal sealed class SsmParameterResolver(LocalParameterStore store, string region)
{
    // Local stand-in for an AWS account id in ARNs.
    public const string AccountId = "000000000000";

    /// <summary>The parameter, or the error reply AWS would give for it.</summary>
    public (ResolvedParameter? Parameter, SsmReply? Error) Resolve(string requested, bool decrypt) =>
        requested.StartsWith(LocalParameterNames.SecretReferencePrefix, StringComparison.Ordinal)
            ? ResolveSecret(requested, decrypt)
            : ResolveParameter(requested, decrypt);

    public ResolvedParameter Show(LocalParameter parameter, bool decrypt, string? selector) => new(
        parameter.Name,
        parameter.Type.ToString(),
        parameter.Type == LocalParameterType.SecureString && !decrypt ? CiphertextPlaceholder(parameter) : parameter.Value,
        parameter.Version,
        parameter.LastModified,
        $"arn:aws:ssm:{region}:{AccountId}:parameter{(parameter.Name.StartsWith('/') ? "" : "/")}{parameter.Name}",
        selector is null ? null : ":" + selector,
        SourceResult: null);

    private (ResolvedParameter?, SsmReply?) ResolveParameter(string requested, bool decrypt)
    {
        var (name, selector) = LocalParameterNames.SplitSelector(requested);
        var parameter = store.FindParameter(name);
        if (parameter is null)
        {
            return (null, SsmReply.Error(SsmErrorTypes.ParameterNotFound, $"Parameter {name} not found."));
        }

        // Only the current version is kept locally; labels are not supported.
        if (selector is not null && selector != parameter.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return (null, SsmReply.Error(
                SsmErrorTypes.ParameterVersionNotFound,
                $"Version or label {selector} of parameter {name} not found (the local store keeps the current version only)."));
        }

        return (Show(parameter, decrypt, selector), null);
    }

    private (ResolvedParameter?, SsmReply?) ResolveSecret(string requested, bool decrypt)
    {
        if (!decrypt)
        {
            // AWS's own wording for this case.
            return (null, SsmReply.Error(
                SsmErrorTypes.ValidationException, "WithDecryption flag must be True for retrieving a Secret Manager secret."));
        }

        var (id, stage) = LocalParameterNames.SplitSelector(requested[LocalParameterNames.SecretReferencePrefix.Length..]);
        if (stage is not null && !LocalParameterNames.IsValidStage(stage))
        {
            return (null, SsmReply.Error(
                SsmErrorTypes.ValidationException,
                "A version stage can only use letters, numbers, a period (.), a hyphen (-), or an underscore (_)."));
        }

        var secret = store.FindSecret(id);
        var effectiveStage = stage ?? LocalSecret.CurrentStage;
        var value = secret?.ForStage(effectiveStage);
        if (secret is null || value is null)
        {
            return (null, SsmReply.Error(
                SsmErrorTypes.ParameterNotFound,
                secret is null ? $"Secret {id} not found." : $"Secret {id} has no version with stage {effectiveStage}."));
        }

        var arn = $"arn:aws:secretsmanager:{region}:{AccountId}:secret:{id}-{ArnSuffix(id)}";
        return (new ResolvedParameter(
            LocalParameterNames.SecretReferencePrefix + id,
            nameof(LocalParameterType.SecureString),
            value,
            Version: null,
            secret.CreatedDate,
            arn,
            stage is null ? null : ":" + stage,
            SourceResult(id, arn, value, effectiveStage, secret.CreatedDate)), null);
    }

    // Real ciphertext is base64 of a KMS blob; this is base64 too, and never contains the value.
    private static string CiphertextPlaceholder(LocalParameter parameter) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"local-ssm-ciphertext:{parameter.Name}:{parameter.Version}"));

    // Secrets Manager appends '-' and six random characters to a secret's ARN; derive them so they stay stable.
    private static string ArnSuffix(string id) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..6];

    // The GetSecretValue response, as a JSON string in SourceResult.
    private static string SourceResult(string id, string arn, string value, string stage, DateTimeOffset created)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("ARN", arn);
            writer.WriteNumber("CreatedDate", created.ToUnixTimeMilliseconds() / 1000m);
            writer.WriteString("Name", id);
            writer.WriteString("SecretString", value);
            writer.WriteStartArray("VersionStages");
            writer.WriteStringValue(stage);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
