using Products.Emulator.Template.Internal;

namespace Products.Emulator.Template;

/// <summary>
/// Loads template.yaml for the local emulator: YAML with CloudFormation short forms, parameters (Default, samconfig.toml
/// environment, overrides), Conditions, SAM Globals, intrinsic functions, and the resources the emulator runs. Whatever
/// would make the local run behave differently from AWS is refused with a <see cref="TemplateException"/> naming the
/// template path; resources that do not matter locally are listed in <see cref="LocalTemplate.NotEmulated"/>.
/// </summary>
public static class TemplateLoader
{
    public const string SamTransform = "AWS::Serverless-2016-10-31";
    public const string LanguageExtensionsTransform = "AWS::LanguageExtensions";
    public const string DefaultStackName = "local";
    public const string SamConfigFileName = "samconfig.toml";

    private static readonly HashSet<string> Sections = new(StringComparer.Ordinal)
    {
        "AWSTemplateFormatVersion", "Transform", "Description", "Metadata", "Parameters", "Rules", "Mappings",
        "Conditions", "Globals", "Resources", "Outputs",
    };

    private static readonly HashSet<string> ResourceAttributes = new(StringComparer.Ordinal)
    {
        "Type", "Properties", "Condition", "DependsOn", "Metadata", "DeletionPolicy", "UpdateReplacePolicy",
        "CreationPolicy", "UpdatePolicy", "IgnoreGlobals",
    };

    public static LocalTemplate Load(string templatePath, TemplateLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(templatePath);
        ArgumentNullException.ThrowIfNull(options);
        var fullPath = Path.GetFullPath(templatePath);
        if (!File.Exists(fullPath))
        {
            throw new TemplateException(templatePath, "the template file does not exist");
        }

        return Parse(File.ReadAllText(fullPath), Path.GetDirectoryName(fullPath)!, options, Path.GetFileName(fullPath));
    }

    /// <summary>
    /// The template file as a YAML document, short-form intrinsics (<c>!Ref</c>, <c>!Sub</c>, ...) in their long form and
    /// nothing resolved: for checks over what the template says rather than what it deploys.
    /// </summary>
    public static TemplateMapping ReadDocument(string templatePath)
    {
        ArgumentNullException.ThrowIfNull(templatePath);
        return YamlTemplateReader.Read(File.ReadAllText(templatePath), Path.GetFileName(templatePath));
    }

    /// <summary>Loads template text; relative CodeUri / ContentUri and samconfig.toml are looked up in <paramref name="templateDirectory"/>.</summary>
    public static LocalTemplate Parse(string yaml, string templateDirectory, TemplateLoadOptions options, string sourceName = "template.yaml")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(options);
        var root = YamlTemplateReader.Read(yaml, sourceName);
        foreach (var key in root.Keys.Where(key => !Sections.Contains(key)))
        {
            throw new TemplateException(key, $"'{key}' is not a template section CloudFormation knows");
        }

        var warnings = new List<string>();
        var languageExtensions = ReadTransforms(root);
        var samConfig = ReadSamConfig(templateDirectory, options);
        var environment = new StackEnvironment(
            options.StackName ?? samConfig.StackName ?? DefaultStackName,
            options.Region ?? samConfig.Region ?? LocalTemplate.DefaultRegion,
            LocalTemplate.LocalAccountId);
        var parameters = ParameterResolver.Resolve(
            root["Parameters"] is { } declared ? ValueReader.Mapping(declared, "Parameters") : null,
            samConfig.ParameterOverrides,
            options.ParameterOverrides);
        var mappings = ReadMappings(root["Mappings"]);
        var globals = GlobalsSection.Parse(root["Globals"]);
        var resources = ReadResources(root, globals, languageExtensions, warnings);
        var catalog = new ResourceCatalog(resources, environment);
        var resolver = new IntrinsicResolver(
            environment,
            parameters,
            mappings,
            root["Conditions"] is { } conditions ? ValueReader.Mapping(conditions, "Conditions") : null,
            catalog);
        var conditionValues = resolver.EvaluateAllConditions();
        var context = new LoadContext(resolver, catalog, resources, templateDirectory);
        RuleEvaluator.Check(root["Rules"], resolver);

        var builder = new TemplateBuilder(context, globals, warnings);
        builder.AddResources(resources.Values.Where(resource => IsCreated(resource, resolver)));
        return new LocalTemplate(
            environment.StackName,
            options.Stage,
            environment.Region,
            environment.AccountId,
            parameters,
            conditionValues,
            builder.Functions,
            builder.Tables,
            builder.HttpApis,
            builder.RestApis,
            builder.SsmParameters,
            builder.Secrets,
            builder.Layers,
            builder.Resources,
            builder.NotEmulated,
            ReadOutputs(root["Outputs"], resolver),
            warnings);
    }

    private static bool ReadTransforms(TemplateMapping root)
    {
        var transforms = root["Transform"] is { } transform ? ValueReader.StringList(transform, "Transform") : [];
        foreach (var name in transforms.Where(name => name is not (SamTransform or LanguageExtensionsTransform)))
        {
            throw new TemplateException("Transform", $"transform '{name}' is not supported by the local emulator");
        }

        return transforms.Contains(LanguageExtensionsTransform, StringComparer.Ordinal);
    }

    private static SamConfigSettings ReadSamConfig(string templateDirectory, TemplateLoadOptions options)
    {
        var path = options.SamConfigPath ?? Path.Combine(templateDirectory, SamConfigFileName);
        if (!File.Exists(path))
        {
            if (options.SamConfigPath is not null || options.Stage is not null)
            {
                throw new TemplateException(path, options.Stage is null
                    ? "the samconfig file does not exist"
                    : $"stage '{options.Stage}' was asked for but the samconfig file does not exist");
            }

            return SamConfigSettings.None;
        }

        // Like SAM CLI, the "default" environment applies when no --config-env (stage) is given.
        return SamConfigFile.Read(path, options.Stage ?? "default", required: options.Stage is not null);
    }

    private static TemplateMapping? ReadMappings(TemplateValue? section)
    {
        if (section is null)
        {
            return null;
        }

        var mappings = ValueReader.Mapping(section, "Mappings");
        foreach (var (name, map) in mappings.Entries)
        {
            foreach (var (key, values) in ValueReader.Mapping(map, $"Mappings.{name}").Entries)
            {
                ValueReader.Mapping(values, $"Mappings.{name}.{key}");
            }
        }

        return mappings;
    }

    private static Dictionary<string, TemplateResource> ReadResources(TemplateMapping root, GlobalsSection globals, bool languageExtensions, List<string> warnings)
    {
        var section = root["Resources"] is { } value
            ? ValueReader.Mapping(value, "Resources")
            : throw new TemplateException("Resources", "a template needs a Resources section");
        var usesSam = root["Transform"] is { } transform && ValueReader.StringList(transform, "Transform").Contains(SamTransform, StringComparer.Ordinal);
        var resources = new Dictionary<string, TemplateResource>(StringComparer.Ordinal);
        foreach (var (logicalId, definitionValue) in section.Entries)
        {
            var path = $"Resources.{logicalId}";
            if (logicalId.Length == 0 || !logicalId.All(char.IsAsciiLetterOrDigit))
            {
                throw new TemplateException(path, "a logical id has letters and digits only");
            }

            var definition = ValueReader.Mapping(definitionValue, path);
            foreach (var key in definition.Keys.Where(key => !ResourceAttributes.Contains(key)))
            {
                throw new TemplateException($"{path}.{key}", $"'{key}' is not a resource attribute");
            }

            var type = ValueReader.RequiredString(definition, "Type", path);
            if (!ResourceTypes.Emulated.Contains(type) && !ResourceTypes.NotEmulated.Contains(type))
            {
                throw new TemplateException($"{path}.Type", $"resource type '{type}' is not supported by the local emulator");
            }

            if (type.StartsWith("AWS::Serverless::", StringComparison.Ordinal) && !usesSam)
            {
                throw new TemplateException($"{path}.Type", $"{type} needs 'Transform: {SamTransform}'");
            }

            foreach (var policy in new[] { "DeletionPolicy", "UpdateReplacePolicy" })
            {
                if (definition[policy] is TemplateMapping && !languageExtensions)
                {
                    warnings.Add($"{path}.{policy}: CloudFormation accepts an intrinsic function here only with the '{LanguageExtensionsTransform}' transform.");
                }
            }

            var properties = definition["Properties"] is { } props ? ValueReader.Mapping(props, $"{path}.Properties") : TemplateMapping.Empty;
            properties = globals.Merge(type, properties, definition["IgnoreGlobals"], path);
            var condition = definition["Condition"] is { } conditionName ? ValueReader.Text(conditionName, $"{path}.Condition") : null;
            resources[logicalId] = new TemplateResource(logicalId, type, properties, condition, definition);
        }

        foreach (var resource in resources.Values)
        {
            if (resource.Definition["DependsOn"] is { } dependsOn)
            {
                foreach (var target in ValueReader.StringList(dependsOn, $"{resource.Path}.DependsOn").Where(target => !resources.ContainsKey(target)))
                {
                    throw new TemplateException($"{resource.Path}.DependsOn", $"'{target}' is not a resource of this template");
                }
            }
        }

        return resources;
    }

    private static bool IsCreated(TemplateResource resource, IntrinsicResolver resolver) =>
        resource.Condition is null || resolver.IsConditionTrue(resource.Condition, $"{resource.Path}.Condition");

    private static Dictionary<string, string> ReadOutputs(TemplateValue? section, IntrinsicResolver resolver)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (section is null)
        {
            return outputs;
        }

        foreach (var (name, value) in ValueReader.Mapping(section, "Outputs").Entries)
        {
            var path = $"Outputs.{name}";
            var output = ValueReader.Mapping(value, path);
            if (output["Condition"] is { } condition && !resolver.IsConditionTrue(ValueReader.Text(condition, $"{path}.Condition"), $"{path}.Condition"))
            {
                continue;
            }

            outputs[name] = resolver.ResolveString(
                output["Value"] ?? throw new TemplateException(path, "the required property 'Value' is missing"),
                $"{path}.Value");
            if (output["Export"] is TemplateMapping export && export["Name"] is { } exportName)
            {
                resolver.ResolveString(exportName, $"{path}.Export.Name");
            }
        }

        return outputs;
    }
}
