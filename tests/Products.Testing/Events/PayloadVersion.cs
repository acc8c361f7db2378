namespace Products.Testing.Events;

/// <summary>The API Gateway payload format a test sends.</summary>
public enum PayloadVersion
{
    /// <summary>REST API proxy integration, payload 1.0.</summary>
    V1,

    /// <summary>HTTP API, payload 2.0.</summary>
    V2,
}
