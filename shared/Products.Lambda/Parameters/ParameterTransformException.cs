namespace Products.Lambda.Parameters;

/// <summary>
/// The value was fetched but is not valid for the requested transform. The message never quotes the value (parser
/// messages can), so the parser's exception is not chained: only its type name is kept.
/// </summary>
public sealed class ParameterTransformException : ParameterProviderException
{
    internal ParameterTransformException(string parameterName, ParameterTransform transform, string reason)
        : base(parameterName, $"Parameter '{parameterName}' is not valid for the {transform} transform: {reason}.", reason)
    {
        Transform = transform;
    }

    /// <summary>The transform that failed.</summary>
    public ParameterTransform Transform { get; }
}
