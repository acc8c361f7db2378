namespace Products.Emulator.Template.Internal;

/// <summary>
/// Reads <c>Auth</c> of an <c>AWS::Serverless::HttpApi</c> (SAM's "HttpApiAuth"): JWT authorizers ("OAuth2Authorizer":
/// <c>IdentitySource</c>, <c>JwtConfiguration</c> with <c>issuer</c>/<c>audience</c> in either case,
/// <c>AuthorizationScopes</c>) and <c>DefaultAuthorizer</c>. Lambda and IAM authorizers are refused: the emulator would
/// let through requests AWS rejects.
/// </summary>
internal static class HttpApiAuthReader
{
    private const string HeaderSourcePrefix = "$request.header.";

    public static (IReadOnlyDictionary<string, HttpApiAuthorizerDefinition> Authorizers, string? DefaultAuthorizer) Read(
        TemplateMapping properties, string path)
    {
        var authorizers = new Dictionary<string, HttpApiAuthorizerDefinition>(StringComparer.Ordinal);
        if (ValueReader.OptionalMapping(properties, "Auth", path) is not { } auth)
        {
            return (System.Collections.ObjectModel.ReadOnlyDictionary<string, HttpApiAuthorizerDefinition>.Empty, null);
        }

        var here = $"{path}.Auth";
        if (ValueReader.OptionalBool(auth, "EnableIamAuthorizer", here) == true)
        {
            throw new TemplateException($"{here}.EnableIamAuthorizer", "IAM authorization is not emulated locally");
        }

        foreach (var (name, value) in (ValueReader.OptionalMapping(auth, "Authorizers", here) ?? TemplateMapping.Empty).Entries)
        {
            authorizers[name] = Authorizer(name, ValueReader.Mapping(value, $"{here}.Authorizers.{name}"), $"{here}.Authorizers.{name}");
        }

        var defaultAuthorizer = ValueReader.OptionalString(auth, "DefaultAuthorizer", here);
        if (defaultAuthorizer is not null && !authorizers.ContainsKey(defaultAuthorizer))
        {
            throw new TemplateException($"{here}.DefaultAuthorizer", $"'{defaultAuthorizer}' is not one of Auth.Authorizers");
        }

        return (authorizers, defaultAuthorizer);
    }

    private static HttpApiAuthorizerDefinition Authorizer(string name, TemplateMapping authorizer, string path)
    {
        if (authorizer.ContainsKey("FunctionArn"))
        {
            throw new TemplateException($"{path}.FunctionArn", "Lambda authorizers are not emulated locally (JWT authorizers are)");
        }

        var jwt = ValueReader.OptionalMapping(authorizer, "JwtConfiguration", path)
                  ?? throw new TemplateException(path, "only JWT authorizers (with JwtConfiguration) are emulated locally");
        var jwtPath = $"{path}.JwtConfiguration";
        var issuer = CaseInsensitive(jwt, "issuer") is { } issuerKey
            ? ValueReader.RequiredString(jwt, issuerKey, jwtPath)
            : throw new TemplateException(jwtPath, "the issuer is missing");
        var audiences = CaseInsensitive(jwt, "audience") is { } audienceKey
            ? ValueReader.OptionalStringList(jwt, audienceKey, jwtPath)
            : [];
        if (audiences.Count == 0)
        {
            throw new TemplateException(jwtPath, "the audience is missing");
        }

        var source = ValueReader.OptionalString(authorizer, "IdentitySource", path) ?? HeaderSourcePrefix + "Authorization";
        if (!source.StartsWith(HeaderSourcePrefix, StringComparison.Ordinal)
            || source.Length == HeaderSourcePrefix.Length
            || source.Contains(',', StringComparison.Ordinal))
        {
            throw new TemplateException($"{path}.IdentitySource", $"'{source}' is not emulated locally: give one header, $request.header.<Name>");
        }

        return new HttpApiAuthorizerDefinition(
            name,
            source[HeaderSourcePrefix.Length..],
            issuer,
            audiences,
            ValueReader.OptionalStringList(authorizer, "AuthorizationScopes", path));
    }

    private static string? CaseInsensitive(TemplateMapping mapping, string key) =>
        mapping.Keys.FirstOrDefault(candidate => string.Equals(candidate, key, StringComparison.OrdinalIgnoreCase));
}
