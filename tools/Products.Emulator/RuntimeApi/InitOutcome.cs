namespace Products.Local.RuntimeApi;

/// <summary>How the function's initialization ended: a closed set (<see cref="Ready"/>, <see cref="Failed"/>).</summary>
internal abstract partial record InitOutcome
{
    private InitOutcome()
    {
    }
}
