namespace Products.Lambda.ApiGateway;

/// <summary>
/// The API Gateway Lambda proxy payload format: the shape of the event and of the response the function returns.
/// </summary>
public enum PayloadFormat
{
    /// <summary>Format 1.0: REST APIs, and HTTP APIs configured with <c>payloadFormatVersion: 1.0</c>.</summary>
    V1,

    /// <summary>Format 2.0: HTTP APIs (and Lambda function URLs).</summary>
    V2,
}
