namespace Products.Data;

/// <summary>One thing wrong with one field of a request, in words a client developer can act on.</summary>
/// <param name="Field">The JSON field name as the client sent it (for unknown fields) or as the contract names it.</param>
/// <param name="Problem">What is wrong, e.g. "must be at most 200 characters".</param>
public sealed record ValidationProblem(string Field, string Problem);
