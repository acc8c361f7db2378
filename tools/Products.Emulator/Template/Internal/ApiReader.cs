namespace Products.Emulator.Template.Internal;

/// <summary>
/// Reads <c>AWS::Serverless::HttpApi</c> and <c>AWS::Serverless::Api</c> (and the implicit ones SAM creates) into their
/// stage, CORS and (HTTP API) JWT authorizer settings. OpenAPI definitions and other authorizers are refused: the
/// emulator routes from events only and would let through requests AWS rejects.
/// </summary>
internal static class ApiReader
{
    public static HttpApiDefinition ReadHttpApi(string logicalId, TemplateMapping rawProperties, bool isImplicit, LoadContext context)
    {
        var path = $"Resources.{logicalId}.Properties";
        var properties = context.Resolver.ResolveMapping(rawProperties, path);
        RejectUnemulated(properties, path, null);
        var stage = ValueReader.OptionalString(properties, "StageName", path) ?? HttpApiDefinition.DefaultStageName;
        var (authorizers, defaultAuthorizer) = HttpApiAuthReader.Read(properties, path);
        return new HttpApiDefinition(logicalId, stage, HttpCors(properties, path), isImplicit)
        {
            DefaultThrottling = Throttling(properties, path),
            Authorizers = authorizers,
            DefaultAuthorizer = defaultAuthorizer,
        };
    }

    // "AWS::Serverless::HttpApi" DefaultRouteSettings (passed to the stage as AWS::ApiGatewayV2::Stage RouteSettings).
    private static ThrottleSettings? Throttling(TemplateMapping properties, string path)
    {
        if (ValueReader.OptionalMapping(properties, "DefaultRouteSettings", path) is not { } settings)
        {
            return null;
        }

        var here = $"{path}.DefaultRouteSettings";
        var burst = ValueReader.OptionalInt(settings, "ThrottlingBurstLimit", here);
        var rate = ValueReader.OptionalDouble(settings, "ThrottlingRateLimit", here);
        if (burst < 0 || rate < 0)
        {
            throw new TemplateException(here, "throttling limits cannot be negative");
        }

        return burst is null && rate is null ? null : new ThrottleSettings(burst, rate);
    }

    public static RestApiDefinition ReadRestApi(string logicalId, TemplateMapping rawProperties, bool isImplicit, LoadContext context)
    {
        var path = $"Resources.{logicalId}.Properties";
        var properties = context.Resolver.ResolveMapping(rawProperties, path);
        RejectUnemulated(properties, path, null);
        if (properties["Auth"] is TemplateMapping auth
            && (auth.ContainsKey("DefaultAuthorizer") || auth.ContainsKey("Authorizers") || ValueReader.OptionalBool(auth, "ApiKeyRequired", $"{path}.Auth") == true))
        {
            throw new TemplateException($"{path}.Auth", "authorizers and API keys are not emulated locally");
        }

        var stage = isImplicit
            ? RestApiDefinition.ImplicitStageName
            : ValueReader.OptionalString(properties, "StageName", path)
              ?? throw new TemplateException(path, "the required property 'StageName' is missing");
        return new RestApiDefinition(logicalId, stage, RestCors(properties, path), isImplicit);
    }

    private static void RejectUnemulated(TemplateMapping properties, string path, string? authKey)
    {
        foreach (var key in new[] { "DefinitionBody", "DefinitionUri", authKey })
        {
            if (key is not null && properties.ContainsKey(key))
            {
                throw new TemplateException($"{path}.{key}", $"{key} is not supported by the local emulator (routes come from function events only)");
            }
        }
    }

    // "HttpApiCorsConfiguration" (AWS SAM Developer Guide): true allows every origin; a mapping lists the settings.
    private static CorsDefinition? HttpCors(TemplateMapping properties, string path)
    {
        var here = $"{path}.CorsConfiguration";
        switch (properties["CorsConfiguration"])
        {
            case null:
            case TemplateScalar { Kind: ScalarKind.Boolean, Text: "false" or "False" or "FALSE" }:
                return null;
            case TemplateScalar { Kind: ScalarKind.Boolean }:
                return new CorsDefinition(["*"], [], [], [], null, false);
            case TemplateScalar { Kind: ScalarKind.String } origin:
                return new CorsDefinition([origin.Text], [], [], [], null, false);
            case TemplateMapping cors:
                return new CorsDefinition(
                    ValueReader.OptionalStringList(cors, "AllowOrigins", here),
                    ValueReader.OptionalStringList(cors, "AllowMethods", here),
                    ValueReader.OptionalStringList(cors, "AllowHeaders", here),
                    ValueReader.OptionalStringList(cors, "ExposeHeaders", here),
                    ValueReader.OptionalInt(cors, "MaxAge", here),
                    ValueReader.OptionalBool(cors, "AllowCredentials", here) ?? false);
            default:
                throw new TemplateException(here, "must be true, an origin, or a mapping of CORS settings");
        }
    }

    // "CorsConfiguration" of AWS::Serverless::Api: values are quoted header values ("'GET,POST'"), origin is one string.
    private static CorsDefinition? RestCors(TemplateMapping properties, string path)
    {
        var here = $"{path}.Cors";
        switch (properties["Cors"])
        {
            case null:
                return null;
            case TemplateScalar { Kind: ScalarKind.String } origin:
                return new CorsDefinition([Unquote(origin.Text)], [], [], [], null, false);
            case TemplateMapping cors:
                var maxAge = ValueReader.OptionalString(cors, "MaxAge", here) is { } age
                    ? int.TryParse(Unquote(age), out var seconds) ? seconds : throw new TemplateException($"{here}.MaxAge", $"'{age}' is not a number of seconds")
                    : (int?)null;
                return new CorsDefinition(
                    [Unquote(ValueReader.RequiredString(cors, "AllowOrigin", here))],
                    HeaderList(ValueReader.OptionalString(cors, "AllowMethods", here)),
                    HeaderList(ValueReader.OptionalString(cors, "AllowHeaders", here)),
                    HeaderList(ValueReader.OptionalString(cors, "ExposeHeaders", here)),
                    maxAge,
                    ValueReader.OptionalBool(cors, "AllowCredentials", here) ?? false);
            default:
                throw new TemplateException(here, "must be an origin or a mapping of CORS settings");
        }
    }

    private static string[] HeaderList(string? value) =>
        value is null ? [] : Unquote(value).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '\'' && value[^1] == '\'' ? value[1..^1] : value;
}
