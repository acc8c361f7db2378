using Products.Data;
using Products.Lambda.Parameters;

namespace CreateProduct;

/// <summary>
/// How long idempotency keys are kept: <c>idempotencyRetentionHours</c> of the stage's settings parameter, read through
/// the Parameters provider (cached for its max age) only by requests that carry a key.
/// </summary>
/// <param name="parameters">Created on first use, so a create without a key never loads or calls SSM.</param>
/// <param name="settingsName">The settings parameter, e.g. /products/dev/settings.</param>
internal sealed class IdempotencySettings(Lazy<SsmParameterProvider> parameters, string settingsName)
{
    /// <exception cref="InvalidOperationException">The setting is outside 1..<see cref="StageSettings.MaxIdempotencyRetentionHours"/>.</exception>
    /// <exception cref="ParameterProviderException">SSM could not be read, or the settings are not valid JSON of their shape.</exception>
    public async Task<TimeSpan> GetRetentionAsync(CancellationToken ct)
    {
        var settings = await parameters.Value.GetJsonAsync(
            settingsName, StageSettingsJsonContext.Default.StageSettings, cancellationToken: ct);
        var hours = settings.IdempotencyRetentionHours ?? StageSettings.DefaultIdempotencyRetentionHours;
        if (hours is < 1 or > StageSettings.MaxIdempotencyRetentionHours)
        {
            throw new InvalidOperationException(
                $"The settings parameter {settingsName} must have 1 <= idempotencyRetentionHours <= {StageSettings.MaxIdempotencyRetentionHours}.");
        }

        return TimeSpan.FromHours(hours);
    }
}
