namespace Products.Emulator.Lambda;

/// <summary>Function output to the emulator's console: stdout lines to stdout, stderr lines to stderr.</summary>
public sealed class ConsoleFunctionLogSink : IFunctionLogSink
{
    public void WriteLine(string line, bool isError)
    {
        // Console's writers are synchronized, so lines of concurrent functions never interleave mid-line.
        (isError ? Console.Error : Console.Out).WriteLine(line);
    }
}
