namespace Products.Lambda.Parameters;

/// <summary>SSM has no such parameter (or the referenced secret or version stage does not exist).</summary>
public sealed class ParameterNotFoundException : ParameterProviderException
{
    internal ParameterNotFoundException(string parameterName)
        : base(parameterName, $"Parameter '{parameterName}' was not found.", "ParameterNotFound")
    {
    }
}
