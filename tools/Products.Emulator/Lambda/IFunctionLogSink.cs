namespace Products.Emulator.Lambda;

/// <summary>Where a function's output goes: each line already prefixed with the function's name.</summary>
public interface IFunctionLogSink
{
    /// <summary>Called from several threads at once; <paramref name="isError"/> marks stderr and platform errors.</summary>
    void WriteLine(string line, bool isError);
}
