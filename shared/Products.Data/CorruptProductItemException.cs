namespace Products.Data;

/// <summary>
/// A stored item is not a valid product (an attribute is missing or unreadable): a data or code defect, not a client
/// error. Callers log it and answer 500 without its text.
/// </summary>
public sealed class CorruptProductItemException : Exception
{
    /// <summary>Creates the exception with a message naming the item and attribute.</summary>
    public CorruptProductItemException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CorruptProductItemException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public CorruptProductItemException()
        : base("A stored product item is corrupt.")
    {
    }
}
