namespace Products.Data.Idempotency;

/// <summary>A stored idempotency record is unreadable (an attribute is missing or malformed): a defect, answered 500.</summary>
public sealed class CorruptIdempotencyRecordException : Exception
{
    /// <summary>Creates the exception with a message naming the attribute (never the record's content).</summary>
    public CorruptIdempotencyRecordException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CorruptIdempotencyRecordException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public CorruptIdempotencyRecordException()
        : base("A stored idempotency record is corrupt.")
    {
    }
}
