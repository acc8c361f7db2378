namespace Products.Local.Lambda;

/// <summary>How <see cref="FunctionPool.PrewarmAsync"/> ended: a closed set (<see cref="Warm"/>, <see cref="Failed"/>).</summary>
internal abstract partial record PrewarmResult
{
    private PrewarmResult()
    {
    }
}
