namespace Products.Package;

// A build step failed; the message says which and shows the end of its output.
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
