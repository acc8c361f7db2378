namespace Products.Testing.OpenApi;

/// <summary>An answer of the API that openapi.yaml does not allow: the code or the document is wrong.</summary>
public sealed class OpenApiContractException : Exception
{
    public OpenApiContractException()
    {
    }

    public OpenApiContractException(string message)
        : base(message)
    {
    }

    public OpenApiContractException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OpenApiContractException(IReadOnlyList<string> problems)
        : base("The API answered outside openapi.yaml:" + Environment.NewLine + string.Join(Environment.NewLine, problems ?? []))
    {
    }
}
