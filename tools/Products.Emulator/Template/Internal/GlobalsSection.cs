namespace Products.Emulator.Template.Internal;

/// <summary>
/// The SAM <c>Globals</c> section ("Globals section of the AWS SAM template", AWS SAM Developer Guide), merged the way
/// the SAM translator does it: the resource's value wins for scalars and for values of different shapes; mappings merge
/// key by key (recursively); lists are concatenated, Globals' items first. An intrinsic function counts as a scalar
/// (it resolves to one). Merging happens before intrinsics are resolved, as in SAM.
/// </summary>
internal sealed class GlobalsSection
{
    private static readonly Dictionary<string, string[]> SupportedProperties = new(StringComparer.Ordinal)
    {
        ["Function"] =
        [
            "Handler", "Runtime", "CodeUri", "DeadLetterQueue", "Description", "MemorySize", "Timeout", "VpcConfig",
            "Environment", "Tags", "PropagateTags", "Tracing", "KmsKeyArn", "AutoPublishAlias",
            "AutoPublishAliasAllProperties", "Layers", "DeploymentPreference", "RolePath", "PermissionsBoundary",
            "ReservedConcurrentExecutions", "ProvisionedConcurrencyConfig", "AssumeRolePolicyDocument",
            "EventInvokeConfig", "FileSystemConfigs", "CodeSigningConfigArn", "Architectures", "SnapStart",
            "EphemeralStorage", "FunctionUrlConfig", "RuntimeManagementConfig", "LoggingConfig", "RecursiveLoop",
            "SourceKMSKeyArn",
        ],
        ["Api"] =
        [
            "Auth", "Name", "DefinitionUri", "CacheClusterEnabled", "CacheClusterSize", "MergeDefinitions", "Variables",
            "EndpointConfiguration", "MethodSettings", "BinaryMediaTypes", "MinimumCompressionSize", "Cors",
            "GatewayResponses", "AccessLogSetting", "CanarySetting", "TracingEnabled", "OpenApiVersion", "Domain",
            "AlwaysDeploy", "PropagateTags",
        ],
        ["HttpApi"] =
        [
            "Auth", "AccessLogSettings", "StageVariables", "Tags", "CorsConfiguration", "DefaultRouteSettings", "Domain",
            "RouteSettings", "FailOnWarnings", "PropagateTags",
        ],
        ["SimpleTable"] = ["SSESpecification"],
        ["StateMachine"] = ["PropagateTags"],
        ["LayerVersion"] = ["PublishLambdaVersion"],
    };

    private readonly Dictionary<string, TemplateMapping> _byResourceType;

    private GlobalsSection(Dictionary<string, TemplateMapping> byResourceType) => _byResourceType = byResourceType;

    public static GlobalsSection Parse(TemplateValue? section)
    {
        var byType = new Dictionary<string, TemplateMapping>(StringComparer.Ordinal);
        if (section is null)
        {
            return new GlobalsSection(byType);
        }

        var sections = ValueReader.Mapping(section, "Globals");
        foreach (var (name, value) in sections.Entries)
        {
            var path = $"Globals.{name}";
            if (!SupportedProperties.TryGetValue(name, out var supported))
            {
                throw new TemplateException(path, $"'{name}' is not a Globals section SAM supports ({string.Join(", ", SupportedProperties.Keys)})");
            }

            var properties = ValueReader.Mapping(value, path);
            foreach (var key in properties.Keys)
            {
                if (!supported.Contains(key, StringComparer.Ordinal))
                {
                    throw new TemplateException($"{path}.{key}", $"'{key}' is not a property SAM accepts in Globals.{name}");
                }
            }

            byType["AWS::Serverless::" + name] = properties;
        }

        return new GlobalsSection(byType);
    }

    /// <param name="ignoreGlobals">The resource's <c>IgnoreGlobals</c> attribute: <c>"*"</c> or a list of property names.</param>
    public TemplateMapping Merge(string resourceType, TemplateMapping properties, TemplateValue? ignoreGlobals, string path)
    {
        if (!_byResourceType.TryGetValue(resourceType, out var globals))
        {
            return properties;
        }

        switch (ignoreGlobals)
        {
            case null:
                break;
            case TemplateScalar { Text: "*" }:
                return properties;
            case TemplateSequence ignored:
                foreach (var (name, index) in ignored.Items.Select((item, index) => (ValueReader.Text(item, $"{path}.IgnoreGlobals[{index}]"), index)))
                {
                    if (!globals.ContainsKey(name))
                    {
                        throw new TemplateException($"{path}.IgnoreGlobals[{index}]", $"'{name}' is not set in Globals");
                    }

                    globals = globals.Without(name);
                }

                break;
            default:
                throw new TemplateException($"{path}.IgnoreGlobals", "must be \"*\" or a list of property names");
        }

        return (TemplateMapping)MergeValue(globals, properties);
    }

    private static TemplateValue MergeValue(TemplateValue global, TemplateValue local) => (global, local) switch
    {
        (TemplateMapping g, TemplateMapping l) when !IntrinsicNames.IsIntrinsic(g) && !IntrinsicNames.IsIntrinsic(l) =>
            MergeMappings(g, l),
        (TemplateSequence g, TemplateSequence l) => new TemplateSequence([.. g.Items, .. l.Items]),
        _ => local,
    };

    private static TemplateMapping MergeMappings(TemplateMapping global, TemplateMapping local)
    {
        var merged = global;
        foreach (var (key, value) in local.Entries)
        {
            merged = merged.With(key, merged.TryGetValue(key, out var globalValue) ? MergeValue(globalValue, value) : value);
        }

        return merged;
    }
}
