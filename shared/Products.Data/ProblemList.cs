namespace Products.Data;

/// <summary>Collects validation problems up to <see cref="ProductLimits.MaxReportedProblems"/>.</summary>
internal sealed class ProblemList
{
    private readonly List<ValidationProblem> problems = [];

    public int Count => problems.Count;

    public void Add(string field, string problem)
    {
        if (problems.Count < ProductLimits.MaxReportedProblems)
        {
            problems.Add(new ValidationProblem(field, problem));
        }
    }

    public IReadOnlyList<ValidationProblem> ToList() => problems.ToArray();
}
