namespace Products.Emulator.Lambda;

/// <summary>How <see cref="FunctionPool.PrewarmAsync"/> ended: a closed set (<see cref="Warm"/>, <see cref="Failed"/>).</summary>
public abstract partial record PrewarmResult
{
    private PrewarmResult()
    {
    }
}
