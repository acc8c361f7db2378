namespace Products.Lambda.Logging;

/// <summary>
/// Log levels, named as Powertools for AWS Lambda (.NET) writes them in the <c>level</c> key. Lambda's TRACE folds into
/// <see cref="Debug"/> and FATAL into <see cref="Critical"/>.
/// </summary>
public enum LogLevel
{
    /// <summary>Diagnostics for developers; off unless configured or sampled.</summary>
    Debug,

    /// <summary>The normal flow of a request. The default minimum level.</summary>
    Information,

    /// <summary>Something unexpected that the function handled.</summary>
    Warning,

    /// <summary>A request failed.</summary>
    Error,

    /// <summary>The function cannot continue.</summary>
    Critical,

    /// <summary>As a minimum level: log nothing.</summary>
    None,
}
