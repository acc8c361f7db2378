namespace Products.Package;

/// <summary>A build step failed; the message says which and shows the end of its output.</summary>
internal sealed class PackagingException : Exception
{
    public PackagingException()
    {
    }

    public PackagingException(string message)
        : base(message)
    {
    }

    public PackagingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
