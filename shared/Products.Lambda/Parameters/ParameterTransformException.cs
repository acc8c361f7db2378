namespace Products.Lambda.Parameters;

/// <summary>
/// The value was fetched but is not JSON of the requested shape. The message never quotes the value (parser messages
/// can), so the parser's exception is not chained: only its type name is kept.
/// </summary>
public sealed class ParameterTransformException : ParameterProviderException
{
    internal ParameterTransformException(string parameterName, string reason)
        : base(parameterName, $"Parameter '{parameterName}' is not valid for the Json transform: {reason}.", reason)
    {
    }
}
