using System.Collections.Concurrent;

namespace Products.Testing.OpenApi;

/// <summary>
/// The answers that broke openapi.yaml, collected across every client of one API: a check that fails inside code that
/// swallows exceptions (a load driver counting errors) is still reported when the API's fixture is disposed.
/// </summary>
public sealed class ContractViolations
{
    private const int MaxKept = 50;
    private readonly ConcurrentQueue<string> _problems = new();

    public IReadOnlyList<string> Problems => [.. _problems];

    public void Add(IEnumerable<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
        {
            if (_problems.Count < MaxKept)
            {
                _problems.Enqueue(problem);
            }
        }
    }

    /// <exception cref="OpenApiContractException">Some answer broke the document.</exception>
    public void ThrowIfAny()
    {
        if (!_problems.IsEmpty)
        {
            throw new OpenApiContractException(Problems);
        }
    }
}
