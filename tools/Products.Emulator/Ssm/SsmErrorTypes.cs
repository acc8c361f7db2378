namespace Products.Emulator.Ssm;

/// <summary>Error types of the AWS Systems Manager API (the "Errors" sections of its API Reference).</summary>
internal static class SsmErrorTypes
{
    public const string ParameterNotFound = "ParameterNotFound";
    public const string ParameterAlreadyExists = "ParameterAlreadyExists";
    public const string ParameterVersionNotFound = "ParameterVersionNotFound";
    public const string InvalidNextToken = "InvalidNextToken";
    public const string ValidationException = "ValidationException";
    public const string InternalServerError = "InternalServerError";

    // Common to AWS JSON protocol services.
    public const string UnknownOperation = "UnknownOperationException";
    public const string Serialization = "SerializationException";
}
