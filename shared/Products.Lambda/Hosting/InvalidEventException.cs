namespace Products.Lambda.Hosting;

/// <summary>The invocation's payload is not an API Gateway proxy event.</summary>
public sealed class InvalidEventException : Exception
{
    /// <summary>Creates the exception with a problem description that does not repeat the event's content.</summary>
    public InvalidEventException(string problem)
        : base("The event is not an API Gateway proxy event: " + problem)
    {
    }

    /// <summary>Creates the exception with the default message.</summary>
    public InvalidEventException()
        : base("The event is not an API Gateway proxy event.")
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public InvalidEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
