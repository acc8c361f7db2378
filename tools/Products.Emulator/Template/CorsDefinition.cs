namespace Products.Emulator.Template;

/// <summary>
/// The CORS settings an API answers with ("Configuring CORS for an HTTP API", API Gateway Developer Guide). A REST
/// API's Cors property (quoted header values) is converted to the same shape.
/// </summary>
public sealed record CorsDefinition(
    IReadOnlyList<string> AllowOrigins,
    IReadOnlyList<string> AllowMethods,
    IReadOnlyList<string> AllowHeaders,
    IReadOnlyList<string> ExposeHeaders,
    int? MaxAge,
    bool AllowCredentials);
