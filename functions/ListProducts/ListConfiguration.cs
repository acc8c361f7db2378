using Products.Data;
using Products.Lambda.Parameters;

namespace ListProducts;

/// <summary>
/// The settings and page-token keys ListProducts needs, read through the Parameters provider (cached for its max age,
/// so a changed setting or a rotated key is picked up within seconds without a deploy).
/// </summary>
internal sealed class ListConfiguration(SsmParameterProvider parameters, string settingsName, string tokenSecretId, string tokenScope)
{
    // AWS Secrets Manager's staging label for the version before the last rotation: tokens signed with it stay valid
    // until the next rotation, so clients paging through during a rotation are not cut off.
    private const string PreviousVersionStage = "AWSPREVIOUS";

    public async Task<StageSettings> GetSettingsAsync(CancellationToken ct)
    {
        var settings = await parameters.GetJsonAsync(settingsName, StageSettingsJsonContext.Default.StageSettings, cancellationToken: ct);
        if (settings.MaxPageSize is < 1 or > ProductLimits.MaxPageSize
            || settings.DefaultPageSize < 1 || settings.DefaultPageSize > settings.MaxPageSize)
        {
            throw new InvalidOperationException(
                $"The settings parameter {settingsName} must have 1 <= defaultPageSize <= maxPageSize <= {ProductLimits.MaxPageSize}.");
        }

        return settings;
    }

    /// <summary>The codec for new tokens: the current key only.</summary>
    public async Task<PageTokenCodec> GetCurrentCodecAsync(CancellationToken ct) =>
        new(new PageTokenKeys(await GetKeyAsync(null, ct), null), tokenScope);

    /// <summary>
    /// The codec that also accepts the previous key, or null when the secret has no previous version. Only fetched when a
    /// token fails the current key, so the common path costs one secret read.
    /// </summary>
    public async Task<PageTokenCodec?> GetRotationCodecAsync(CancellationToken ct)
    {
        byte[] previous;
        try
        {
            previous = await GetKeyAsync(PreviousVersionStage, ct);
        }
        catch (ParameterNotFoundException)
        {
            return null;
        }

        return new PageTokenCodec(new PageTokenKeys(await GetKeyAsync(null, ct), previous), tokenScope);
    }

    private async Task<byte[]> GetKeyAsync(string? versionStage, CancellationToken ct)
    {
        var secret = await parameters.GetSecretAsync(tokenSecretId, versionStage, cancellationToken: ct);
        var key = System.Text.Encoding.UTF8.GetBytes(secret);
        if (key.Length < PageTokenCodec.MinKeyBytes)
        {
            // Name the secret, never its value.
            throw new InvalidOperationException(
                $"The secret {tokenSecretId} must be at least {PageTokenCodec.MinKeyBytes} bytes long.");
        }

        return key;
    }
}
