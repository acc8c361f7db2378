using System.Text;

namespace Products.Emulator.Template.Internal;

/// <summary>
/// Reads an <c>AWS::Serverless::Function</c> ("AWS::Serverless::Function", AWS SAM Developer Guide) into a
/// <see cref="FunctionDefinition"/>, refusing what the emulator cannot run as AWS would (container images, inline
/// code, S3 code, event sources other than HttpApi and Api, authorizers).
/// </summary>
internal static class FunctionReader
{
    private static readonly string[] ValidArchitectures = ["x86_64", "arm64"];

    // "Defining runtime environment variables" (AWS Lambda Developer Guide): Lambda sets these itself and refuses a
    // function configuration that tries to set them. Allowing them locally would hide a deploy failure.
    private static readonly HashSet<string> ReservedVariables = new(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    };

    // Lambda's quota: all environment variables of a function together take at most 4 KB.
    private const int EnvironmentSizeLimit = 4096;

    public static FunctionDefinition Read(TemplateResource resource, LoadContext context, IReadOnlyDictionary<string, string> layerIdsByArn)
    {
        var path = $"{resource.Path}.Properties";
        var properties = context.Resolver.ResolveMapping(resource.Properties, path);
        if (ValueReader.OptionalString(properties, "PackageType", path) is "Image")
        {
            throw new TemplateException($"{path}.PackageType", "container image functions are not supported by the local emulator");
        }

        if (properties.ContainsKey("InlineCode"))
        {
            throw new TemplateException($"{path}.InlineCode", "inline code is not supported by the local emulator; use CodeUri");
        }

        var codeUri = properties.TryGetValue("CodeUri", out var code)
            ? code as TemplateScalar is { Kind: ScalarKind.String } codeText
                ? codeText.Text
                : throw new TemplateException($"{path}.CodeUri", "must be a local folder: code in S3 cannot be run by the local emulator")
            : throw new TemplateException(path, "the required property 'CodeUri' is missing");
        if (codeUri.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            throw new TemplateException($"{path}.CodeUri", "must be a local folder: code in S3 cannot be run by the local emulator");
        }

        var functionName = context.Catalog.PhysicalName(resource, context.Resolver);
        var loggingConfig = ValueReader.OptionalMapping(properties, "LoggingConfig", path) ?? TemplateMapping.Empty;
        var (alias, snapStart, provisionedConcurrency) = FunctionVersioningReader.Read(properties, path);
        return new FunctionDefinition(
            resource.LogicalId,
            functionName,
            context.Catalog.FunctionArn(resource, context.Resolver),
            codeUri,
            context.FullPath(codeUri),
            ValueReader.RequiredString(properties, "Handler", path),
            ValueReader.RequiredString(properties, "Runtime", path),
            Architectures(properties, path),
            Bounded(ValueReader.OptionalInt(properties, "Timeout", path) ?? FunctionDefinition.DefaultTimeoutSeconds, 1, 900, $"{path}.Timeout"),
            Bounded(ValueReader.OptionalInt(properties, "MemorySize", path) ?? FunctionDefinition.DefaultMemorySize, 128, 10240, $"{path}.MemorySize"),
            Environment(properties, path),
            Layers(properties, path, layerIdsByArn),
            EventReader.Read(resource, properties, context),
            properties["Policies"],
            ValueReader.OptionalString(properties, "Role", path),
            ValueReader.OptionalInt(properties, "ReservedConcurrentExecutions", path),
            ValueReader.OptionalString(loggingConfig, "LogFormat", $"{path}.LoggingConfig") ?? "Text",
            ValueReader.OptionalString(loggingConfig, "LogGroup", $"{path}.LoggingConfig") ?? $"/aws/lambda/{functionName}",
            LoadContext.BuildMethod(resource),
            properties)
        {
            PublishedAlias = alias,
            SnapStart = snapStart,
            ProvisionedConcurrency = provisionedConcurrency,
        };
    }

    private static IReadOnlyList<string> Architectures(TemplateMapping properties, string path)
    {
        var architectures = ValueReader.OptionalStringList(properties, "Architectures", path);
        if (architectures.Count == 0)
        {
            return ["x86_64"];
        }

        // Lambda takes exactly one architecture per function.
        if (architectures.Count != 1 || !ValidArchitectures.Contains(architectures[0], StringComparer.Ordinal))
        {
            throw new TemplateException($"{path}.Architectures", $"must be exactly one of x86_64 or arm64, not [{string.Join(", ", architectures)}]");
        }

        return architectures;
    }

    private static Dictionary<string, string> Environment(TemplateMapping properties, string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ValueReader.OptionalMapping(properties, "Environment", path) is not { } environment
            || ValueReader.OptionalMapping(environment, "Variables", $"{path}.Environment") is not { } variables)
        {
            return result;
        }

        foreach (var (name, value) in variables.Entries)
        {
            var here = $"{path}.Environment.Variables.{name}";
            if (ReservedVariables.Contains(name))
            {
                throw new TemplateException(here, $"'{name}' is reserved: Lambda sets it and rejects a function that defines it");
            }

            if (!char.IsAsciiLetter(name[0]) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new TemplateException(here, $"'{name}' is not a valid variable name (a letter, then letters, digits or '_')");
            }

            result[name] = ValueReader.Text(value, here);
        }

        var size = result.Sum(variable => Encoding.UTF8.GetByteCount(variable.Key) + Encoding.UTF8.GetByteCount(variable.Value));
        if (size > EnvironmentSizeLimit)
        {
            throw new TemplateException($"{path}.Environment.Variables", $"take {size} bytes; Lambda allows {EnvironmentSizeLimit}");
        }

        return result;
    }

    private static string[] Layers(TemplateMapping properties, string path, IReadOnlyDictionary<string, string> layerIdsByArn)
    {
        var arns = ValueReader.OptionalStringList(properties, "Layers", path);
        if (arns.Count > 5)
        {
            throw new TemplateException($"{path}.Layers", "Lambda allows at most 5 layers per function");
        }

        return arns.Select((arn, index) => layerIdsByArn.TryGetValue(arn, out var logicalId)
                ? logicalId
                : throw new TemplateException($"{path}.Layers[{index}]", $"layer '{arn}' is not built by this template; the local emulator can only mount layers declared here as AWS::Serverless::LayerVersion"))
            .ToArray();
    }

    private static int Bounded(int value, int min, int max, string path) =>
        value >= min && value <= max ? value : throw new TemplateException(path, $"{value} is outside Lambda's range {min}..{max}");
}
