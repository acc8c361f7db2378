namespace Products.Tooling;

/// <summary>
/// A command could not be started (not on PATH) or ended with a non-zero exit code; the message says which, with the end
/// of its output. An <see cref="InvalidOperationException"/>, which the command lines report as a failed start.
/// </summary>
public sealed class CommandFailedException : InvalidOperationException
{
    public CommandFailedException()
    {
    }

    public CommandFailedException(string message)
        : base(message)
    {
    }

    public CommandFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the program was not found (nothing ran); false when it ran and failed.</summary>
    public bool NotFound { get; init; }
}
