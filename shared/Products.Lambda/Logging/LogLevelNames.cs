namespace Products.Lambda.Logging;

/// <summary>
/// Level names in and out. Input accepts both Lambda's advanced logging controls names (TRACE, DEBUG, INFO, WARN, ERROR,
/// FATAL; "Configuring advanced logging controls for Lambda functions") and .NET's names as Powertools accepts them.
/// </summary>
internal static class LogLevelNames
{
    public static bool TryParse(string? text, out LogLevel level)
    {
        level = LogLevel.Information;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        LogLevel? parsed = text.Trim().ToUpperInvariant() switch
        {
            "TRACE" or "DEBUG" => LogLevel.Debug,
            "INFO" or "INFORMATION" => LogLevel.Information,
            "WARN" or "WARNING" => LogLevel.Warning,
            "ERROR" => LogLevel.Error,
            "CRITICAL" or "FATAL" => LogLevel.Critical,
            "NONE" => LogLevel.None,
            _ => null,
        };
        level = parsed ?? LogLevel.Information;
        return parsed is not null;
    }

    /// <summary>The value of the <c>level</c> key: Powertools .NET writes Microsoft.Extensions.Logging's level names.</summary>
    public static ReadOnlySpan<byte> Utf8Name(LogLevel level) => level switch
    {
        LogLevel.Debug => "Debug"u8,
        LogLevel.Information => "Information"u8,
        LogLevel.Warning => "Warning"u8,
        LogLevel.Error => "Error"u8,
        LogLevel.Critical => "Critical"u8,
        _ => "None"u8,
    };
}
