namespace Products.Emulator.Gateway;

/// <summary>
/// The <c>payloadFormatVersion</c> of a Lambda proxy integration: the event shape sent to the function and the
/// response shape expected back ("Working with AWS Lambda proxy integrations for HTTP APIs").
/// </summary>
public enum PayloadFormat
{
    /// <summary>Payload format 1.0 (the REST API shape, with multi-value headers and query strings).</summary>
    V1,

    /// <summary>Payload format 2.0 (rawPath, cookies, comma-joined duplicates, inferred responses).</summary>
    V2,
}
