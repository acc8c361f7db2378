namespace Products.Emulator.Lambda;

/// <summary>Drops the functions' output: for runs that measure or load the API, where printing it would be the cost.</summary>
public sealed class DiscardFunctionLogSink : IFunctionLogSink
{
    public static DiscardFunctionLogSink Instance { get; } = new();

    private DiscardFunctionLogSink()
    {
    }

    public void WriteLine(string line, bool isError)
    {
    }
}
