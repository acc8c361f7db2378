namespace Products.Reliability.Hostile;

/// <summary>The answer to one hostile request and what was wrong with it (nothing, when <see cref="Problems"/> is empty).</summary>
public sealed record HostileResult(HostileRequest Request, int Status, IReadOnlyList<string> Problems);
