namespace Products.Lambda.Parameters;

/// <summary>
/// A parameter or secret could not be read. The message names the parameter and the kind of failure, never the value;
/// the SDK exception is not chained because some of its messages quote the response body.
/// </summary>
/// <remarks>Base of <see cref="ParameterNotFoundException"/> and <see cref="ParameterTransformException"/>.</remarks>
public class ParameterProviderException : Exception
{
    internal ParameterProviderException(string parameterName, string message, string? errorCode = null)
        : base(message)
    {
        ParameterName = parameterName;
        ErrorCode = errorCode;
    }

    /// <summary>The parameter name as requested (for secrets, the /aws/reference/secretsmanager/ name).</summary>
    public string ParameterName { get; }

    /// <summary>The service's error code (e.g. ValidationException) or the failing exception's type name.</summary>
    public string? ErrorCode { get; }
}
