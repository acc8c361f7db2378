namespace Products.Testing;

/// <summary>Free TCP ports for servers a test starts.</summary>
public static class FreePort
{
    /// <summary>A port on 127.0.0.1 free right now (another process may still take it before the test binds it).</summary>
    public static int Next() => Products.Emulator.DynamoDb.FreePort.Next();
}
