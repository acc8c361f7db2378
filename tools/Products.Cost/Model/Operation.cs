namespace Products.Cost.Model;

/// <summary>The API's three operations, each served by its own function.</summary>
public enum Operation
{
    List,
    Create,
    Get,
}

public static class OperationNames
{
    public static IReadOnlyList<Operation> All { get; } = [Operation.List, Operation.Create, Operation.Get];

    /// <summary>The name used in <c>--mix</c>.</summary>
    public static string MixName(this Operation operation) => operation switch
    {
        Operation.List => "list",
        Operation.Create => "create",
        Operation.Get => "get",
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    /// <summary>The function serving it (the template's handler name, as in docs/benchmarks.md).</summary>
    public static string FunctionName(this Operation operation) => operation switch
    {
        Operation.List => "ListProducts",
        Operation.Create => "CreateProduct",
        Operation.Get => "GetProduct",
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}
