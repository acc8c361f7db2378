namespace Products.Emulator.Npm;

/// <summary><c>npm ci</c> of a pinned package folder could not run or failed; the message says what to fix.</summary>
public sealed class NpmInstallException : Exception
{
    public NpmInstallException(string message)
        : base(message)
    {
    }

    public NpmInstallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NpmInstallException()
        : base("npm ci failed.")
    {
    }
}
