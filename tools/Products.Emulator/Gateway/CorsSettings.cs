namespace Products.Emulator.Gateway;

/// <summary>
/// An HTTP API's <c>CorsConfiguration</c> ("Configuring CORS for an HTTP API"). <paramref name="AllowOrigins"/>
/// holds exact origins, <c>*</c>, or scheme wildcards such as <c>https://*</c>; <paramref name="MaxAge"/> is in
/// seconds.
/// </summary>
internal sealed record CorsSettings(
    IReadOnlyList<string> AllowOrigins,
    IReadOnlyList<string> AllowMethods,
    IReadOnlyList<string> AllowHeaders,
    IReadOnlyList<string> ExposeHeaders,
    int? MaxAge,
    bool AllowCredentials);
