namespace Products.Testing;

/// <summary>A snapshot of one function's execution environments: ever started, alive now, busy now.</summary>
public sealed record FunctionCounters(int Started, int Alive, int Busy);
