namespace Products.Emulator.Template.Internal;

/// <summary>
/// Reads a function's HttpApi and Api events ("HttpApi" and "Api" event source types, AWS SAM Developer Guide) into
/// routes. HttpApi defaults to payload format 2.0; an Api (REST) event always sends payload 1.0.
/// </summary>
internal static class EventReader
{
    private static readonly string[] Methods = ["ANY", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    public static IReadOnlyList<ApiRoute> Read(TemplateResource function, TemplateMapping resolvedProperties, LoadContext context)
    {
        var path = $"{function.Path}.Properties.Events";
        if (ValueReader.OptionalMapping(resolvedProperties, "Events", $"{function.Path}.Properties") is not { } events)
        {
            return [];
        }

        var rawEvents = function.Properties["Events"] as TemplateMapping ?? TemplateMapping.Empty;
        var routes = new List<ApiRoute>();
        foreach (var (name, value) in events.Entries)
        {
            var eventPath = $"{path}.{name}";
            var definition = ValueReader.Mapping(value, eventPath);
            var type = ValueReader.RequiredString(definition, "Type", eventPath);
            var properties = ValueReader.OptionalMapping(definition, "Properties", eventPath) ?? TemplateMapping.Empty;
            var rawProperties = (rawEvents[name] as TemplateMapping)?["Properties"] as TemplateMapping ?? TemplateMapping.Empty;
            var propertiesPath = $"{eventPath}.Properties";
            routes.Add(type switch
            {
                "HttpApi" => HttpApiRoute(name, properties, rawProperties, propertiesPath, context),
                "Api" => RestApiRoute(name, properties, rawProperties, propertiesPath, context),
                _ => throw new TemplateException($"{eventPath}.Type", $"event type '{type}' is not supported by the local emulator"),
            });
        }

        return routes;
    }

    private static ApiRoute HttpApiRoute(string name, TemplateMapping properties, TemplateMapping raw, string path, LoadContext context)
    {
        RejectApiKey(properties, path);
        var method = ValueReader.OptionalString(properties, "Method", path);
        var routePath = ValueReader.OptionalString(properties, "Path", path);
        if ((method is null) != (routePath is null))
        {
            throw new TemplateException(path, "give both Path and Method, or neither for the API's default route");
        }

        var payload = ValueReader.OptionalString(properties, "PayloadFormatVersion", path) ?? "2.0";
        if (payload is not ("1.0" or "2.0"))
        {
            throw new TemplateException($"{path}.PayloadFormatVersion", $"'{payload}' is not 1.0 or 2.0");
        }

        var timeout = ValueReader.OptionalInt(properties, "TimeoutInMillis", path);
        if (timeout is < 50 or > 30000)
        {
            throw new TemplateException($"{path}.TimeoutInMillis", "must be between 50 and 30000 (API Gateway's limits)");
        }

        return new ApiRoute(
            name,
            ApiKind.HttpApi,
            method is null ? "ANY" : Method(method, $"{path}.Method"),
            routePath is null ? ApiRoute.DefaultRoutePath : RoutePath(routePath, $"{path}.Path"),
            ApiLogicalId(raw, "ApiId", ResourceTypes.HttpApi, ResourceTypes.ImplicitHttpApi, path, context),
            payload,
            timeout)
        {
            // SAM's "HttpApiFunctionAuth": which of the API's authorizers guards the route (checked against the API by
            // TemplateBuilder), and the scopes a token must hold one of.
            Authorizer = ValueReader.OptionalMapping(properties, "Auth", path) is { } auth
                ? ValueReader.OptionalString(auth, "Authorizer", $"{path}.Auth")
                : null,
            AuthorizationScopes = ValueReader.OptionalMapping(properties, "Auth", path) is { } scoped && scoped.ContainsKey("AuthorizationScopes")
                ? ValueReader.OptionalStringList(scoped, "AuthorizationScopes", $"{path}.Auth")
                : null,
        };
    }

    private static ApiRoute RestApiRoute(string name, TemplateMapping properties, TemplateMapping raw, string path, LoadContext context)
    {
        RejectAuthorizer(properties, path);
        return new ApiRoute(
            name,
            ApiKind.Api,
            Method(ValueReader.RequiredString(properties, "Method", path), $"{path}.Method"),
            RoutePath(ValueReader.RequiredString(properties, "Path", path), $"{path}.Path"),
            ApiLogicalId(raw, "RestApiId", ResourceTypes.RestApi, ResourceTypes.ImplicitRestApi, path, context),
            "1.0",
            null);
    }

    private static string ApiLogicalId(TemplateMapping raw, string key, string apiType, string implicitId, string path, LoadContext context)
    {
        if (!raw.TryGetValue(key, out var reference))
        {
            return implicitId;
        }

        // SAM requires a Ref to an API of this template (it must add the route to that API's definition).
        if (reference is TemplateMapping { Count: 1 } mapping
            && mapping[IntrinsicNames.Ref] is TemplateScalar target
            && context.Resources.TryGetValue(target.Text, out var api)
            && api.Type == apiType)
        {
            return target.Text;
        }

        throw new TemplateException($"{path}.{key}", $"must be a !Ref to an {apiType} resource of this template");
    }

    private static void RejectAuthorizer(TemplateMapping properties, string path)
    {
        if (ValueReader.OptionalMapping(properties, "Auth", path) is { } auth
            && ValueReader.OptionalString(auth, "Authorizer", $"{path}.Auth") is { } authorizer
            && authorizer != "NONE")
        {
            throw new TemplateException($"{path}.Auth.Authorizer", $"authorizer '{authorizer}' is not emulated locally: requests would pass here and fail in AWS");
        }

        RejectApiKey(properties, path);
    }

    private static void RejectApiKey(TemplateMapping properties, string path)
    {
        if (properties["Auth"] is TemplateMapping withKey && ValueReader.OptionalBool(withKey, "ApiKeyRequired", $"{path}.Auth") == true)
        {
            throw new TemplateException($"{path}.Auth.ApiKeyRequired", "API keys are not emulated locally");
        }
    }

    private static string Method(string method, string path)
    {
        var upper = method.ToUpperInvariant();
        if (upper == "X-AMAZON-APIGATEWAY-ANY-METHOD")
        {
            return "ANY";
        }

        return Methods.Contains(upper, StringComparer.Ordinal)
            ? upper
            : throw new TemplateException(path, $"'{method}' is not an HTTP method API Gateway routes ({string.Join(", ", Methods)})");
    }

    private static string RoutePath(string routePath, string path)
    {
        if (!routePath.StartsWith('/'))
        {
            throw new TemplateException(path, $"'{routePath}' must start with '/'");
        }

        // Path parameters are {name} or a final greedy {name+}; anything else would never match in API Gateway.
        var segments = routePath.Split('/');
        for (var index = 0; index < segments.Length; index++)
        {
            var segment = segments[index];
            if (!segment.Contains('{', StringComparison.Ordinal) && !segment.Contains('}', StringComparison.Ordinal))
            {
                continue;
            }

            var greedy = segment.EndsWith("+}", StringComparison.Ordinal);
            var valid = segment.StartsWith('{') && segment.EndsWith('}') && segment.Length > (greedy ? 3 : 2)
                && segment.Count(c => c == '{') == 1 && (!greedy || index == segments.Length - 1);
            if (!valid)
            {
                throw new TemplateException(path, $"segment '{segment}' of '{routePath}' is not a valid path parameter");
            }
        }

        return routePath;
    }
}
