namespace Products.Emulator.DynamoDb;

/// <summary>dynalite could not be installed or started; the message says what to fix.</summary>
public sealed class DynaliteException : Exception
{
    public DynaliteException(string message)
        : base(message)
    {
    }

    public DynaliteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DynaliteException()
        : base("dynalite could not be started.")
    {
    }
}
