namespace Products.Emulator.Template.Internal;

/// <summary>
/// Answers <c>Ref</c> and <c>Fn::GetAtt</c> for resources the way CloudFormation would ("Fn::GetAtt" and each resource
/// type's "Return values" section), with local stand-ins: physical names from the name property or
/// <c>&lt;stack&gt;-&lt;LogicalId&gt;</c>, ARNs in the stack's region and the local account, API ids <c>local</c>.
/// Names are resolved lazily (a name may itself be a <c>!Sub</c> over other resources) with cycle detection.
/// </summary>
internal sealed class ResourceCatalog
{
    /// <summary>The id every local API answers to: there is one emulator endpoint, not one host per API.</summary>
    public const string LocalApiId = "local";

    private readonly IReadOnlyDictionary<string, TemplateResource> _resources;
    private readonly StackEnvironment _environment;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _naming = new(StringComparer.Ordinal);
    private readonly bool _hasImplicitHttpApi;
    private readonly bool _hasImplicitRestApi;

    public ResourceCatalog(IReadOnlyDictionary<string, TemplateResource> resources, StackEnvironment environment)
    {
        _resources = resources;
        _environment = environment;
        foreach (var resource in resources.Values.Where(resource => resource.Type == ResourceTypes.Function))
        {
            foreach (var (type, properties) in RawEvents(resource))
            {
                _hasImplicitHttpApi |= type == "HttpApi" && properties?.ContainsKey("ApiId") != true;
                _hasImplicitRestApi |= type == "Api" && properties?.ContainsKey("RestApiId") != true;
            }
        }
    }

    public bool HasImplicitHttpApi => _hasImplicitHttpApi;

    public bool HasImplicitRestApi => _hasImplicitRestApi;

    public bool Contains(string logicalId) => _resources.ContainsKey(logicalId);

    public bool TryRef(string name, IntrinsicResolver resolver, string path, out TemplateValue value)
    {
        value = TemplateScalar.String(string.Empty);
        if (_resources.TryGetValue(name, out var resource))
        {
            RequireCreated(resource, resolver, path);
            value = TemplateScalar.String(RefValue(resource, resolver));
            return true;
        }

        if ((name == ResourceTypes.ImplicitHttpApi && _hasImplicitHttpApi) || (name == ResourceTypes.ImplicitRestApi && _hasImplicitRestApi))
        {
            value = TemplateScalar.String(LocalApiId);
            return true;
        }

        if (GeneratedRoleOwner(name) is { } owner)
        {
            RequireCreated(owner, resolver, path);
            value = TemplateScalar.String(GeneratedRoleName(owner));
            return true;
        }

        // SAM's "FunctionLogicalId.Alias" / ".Version" references, valid when AutoPublishAlias is set.
        var dot = name.LastIndexOf('.');
        if (dot > 0 && _resources.TryGetValue(name[..dot], out var function) && function.Type == ResourceTypes.Function)
        {
            RequireCreated(function, resolver, path);
            var suffix = name[(dot + 1)..];
            var alias = function.Properties.TryGetValue("AutoPublishAlias", out var aliasValue)
                ? resolver.ResolveString(aliasValue, $"{function.Path}.Properties.AutoPublishAlias")
                : throw new TemplateException(path, $"'{name}' needs AutoPublishAlias on {function.LogicalId}");
            var arn = FunctionArn(function, resolver);
            value = suffix switch
            {
                "Alias" => TemplateScalar.String($"{arn}:{alias}"),
                "Version" => TemplateScalar.String($"{arn}:1"),
                _ => throw new TemplateException(path, $"'{name}': SAM only knows the .Alias and .Version references of a function"),
            };
            return true;
        }

        return false;
    }

    public TemplateValue GetAtt(string name, string attribute, IntrinsicResolver resolver, string path)
    {
        if ((name == ResourceTypes.ImplicitHttpApi && _hasImplicitHttpApi) || (name == ResourceTypes.ImplicitRestApi && _hasImplicitRestApi))
        {
            return ApiAttribute(name == ResourceTypes.ImplicitHttpApi ? ResourceTypes.HttpApi : ResourceTypes.RestApi, name, attribute, path);
        }

        if (GeneratedRoleOwner(name) is { } owner)
        {
            RequireCreated(owner, resolver, path);
            return RoleAttribute(name, GeneratedRoleName(owner), attribute, path);
        }

        if (!_resources.TryGetValue(name, out var resource))
        {
            throw new TemplateException(path, $"'{name}' is not a resource of this template");
        }

        RequireCreated(resource, resolver, path);
        string Name() => PhysicalName(resource, resolver);
        string? result = (resource.Type, attribute) switch
        {
            (ResourceTypes.Table, "Arn") => _environment.Arn("dynamodb", $"table/{Name()}"),
            (ResourceTypes.Table, "StreamArn") => resource.Properties.ContainsKey("StreamSpecification")
                ? _environment.Arn("dynamodb", $"table/{Name()}/stream/1970-01-01T00:00:00.000")
                : throw new TemplateException(path, $"{name}.StreamArn needs a StreamSpecification on the table"),
            (ResourceTypes.Function, "Arn") => FunctionArn(resource, resolver),
            (ResourceTypes.SsmParameter, "Type") => resolver.ResolveString(resource.Properties["Type"] ?? TemplateScalar.String("String"), $"{resource.Path}.Properties.Type"),
            (ResourceTypes.SsmParameter, "Value") => resolver.ResolveString(
                resource.Properties["Value"] ?? throw new TemplateException(resource.Path, "the required property 'Value' is missing"),
                $"{resource.Path}.Properties.Value"),
            (ResourceTypes.Secret, "Id") => SecretArn(Name()),
            ("AWS::Logs::LogGroup", "Arn") => _environment.Arn("logs", $"log-group:{Name()}:*"),
            (ResourceTypes.IamRole, _) => null,
            ("AWS::IAM::ManagedPolicy", "PolicyArn") => _environment.GlobalArn("iam", $"policy/{Name()}"),
            ("AWS::CloudWatch::Alarm" or "AWS::CloudWatch::CompositeAlarm", "Arn") => _environment.Arn("cloudwatch", $"alarm:{Name()}"),
            ("AWS::SNS::Topic", "TopicArn") => _environment.Arn("sns", Name()),
            ("AWS::SNS::Topic", "TopicName") => Name(),
            ("AWS::SQS::Queue", "Arn") => _environment.Arn("sqs", Name()),
            ("AWS::SQS::Queue", "QueueName") => Name(),
            ("AWS::SQS::Queue", "QueueUrl") => QueueUrl(Name()),
            ("AWS::KMS::Key", "Arn") => _environment.Arn("kms", $"key/{KeyId(resource)}"),
            ("AWS::KMS::Key", "KeyId") => KeyId(resource),
            (ResourceTypes.HttpApi or ResourceTypes.RestApi, _) => ApiAttribute(resource.Type, name, attribute, path).Text,
            _ => throw new TemplateException(path, $"attribute '{attribute}' of {resource.Type} '{name}' is not known to the local emulator"),
        };
        return result is null
            ? RoleAttribute(name, Name(), attribute, path)
            : TemplateScalar.String(result);
    }

    /// <summary>The physical name CloudFormation would give the resource; also what the emulator creates locally.</summary>
    public string PhysicalName(TemplateResource resource, IntrinsicResolver resolver)
    {
        if (_names.TryGetValue(resource.LogicalId, out var known))
        {
            return known;
        }

        if (!_naming.Add(resource.LogicalId))
        {
            throw new TemplateException(resource.Path, "its name depends on itself (circular Ref/GetAtt/Sub)");
        }

        try
        {
            var (property, fallback) = NameProperty(resource);
            var name = property is not null && resource.Properties.TryGetValue(property, out var value)
                ? resolver.ResolveString(value, $"{resource.Path}.Properties.{property}")
                : fallback;
            _names[resource.LogicalId] = name;
            return name;
        }
        finally
        {
            _naming.Remove(resource.LogicalId);
        }
    }

    public string FunctionArn(TemplateResource function, IntrinsicResolver resolver) =>
        _environment.Arn("lambda", $"function:{PhysicalName(function, resolver)}");

    public string SecretArn(string name) => _environment.Arn("secretsmanager", $"secret:{name}");

    public string LayerArn(string layerName) => _environment.Arn("lambda", $"layer:{layerName}:1");

    private string RefValue(TemplateResource resource, IntrinsicResolver resolver)
    {
        string Name() => PhysicalName(resource, resolver);
        return resource.Type switch
        {
            ResourceTypes.HttpApi or ResourceTypes.RestApi => LocalApiId,
            ResourceTypes.Secret => SecretArn(Name()),
            ResourceTypes.Layer => LayerArn(Name()),
            "AWS::IAM::ManagedPolicy" => _environment.GlobalArn("iam", $"policy/{Name()}"),
            "AWS::SNS::Topic" => _environment.Arn("sns", Name()),
            "AWS::SQS::Queue" => QueueUrl(Name()),
            "AWS::KMS::Key" => KeyId(resource),
            _ => Name(),
        };
    }

    private (string? Property, string Fallback) NameProperty(TemplateResource resource)
    {
        var generated = $"{_environment.StackName}-{resource.LogicalId}";
        return resource.Type switch
        {
            ResourceTypes.Table => ("TableName", generated),
            ResourceTypes.Function => ("FunctionName", $"{generated}-local"),
            ResourceTypes.SsmParameter or ResourceTypes.Secret => ("Name", generated),
            ResourceTypes.Layer => ("LayerName", resource.LogicalId),
            "AWS::Logs::LogGroup" => ("LogGroupName", generated),
            ResourceTypes.IamRole => ("RoleName", generated),
            "AWS::IAM::ManagedPolicy" => ("ManagedPolicyName", generated),
            "AWS::IAM::Policy" => ("PolicyName", generated),
            "AWS::CloudWatch::Alarm" or "AWS::CloudWatch::CompositeAlarm" => ("AlarmName", generated),
            "AWS::SNS::Topic" => ("TopicName", generated),
            "AWS::SQS::Queue" => ("QueueName", generated),
            _ => (null, generated),
        };
    }

    private TemplateScalar ApiAttribute(string type, string name, string attribute, string path) => (type, attribute) switch
    {
        (ResourceTypes.HttpApi, "ApiEndpoint") => TemplateScalar.String($"https://{LocalApiId}.execute-api.{_environment.Region}.{_environment.UrlSuffix}"),
        (ResourceTypes.HttpApi, "ApiId") => TemplateScalar.String(LocalApiId),
        (ResourceTypes.RestApi, "RootResourceId") => TemplateScalar.String($"{LocalApiId}-root"),
        _ => throw new TemplateException(path, $"attribute '{attribute}' of {type} '{name}' is not known to the local emulator"),
    };

    private TemplateScalar RoleAttribute(string name, string roleName, string attribute, string path) => attribute switch
    {
        "Arn" => TemplateScalar.String(_environment.GlobalArn("iam", $"role/{roleName}")),
        "RoleId" => TemplateScalar.String($"AROA{name.ToUpperInvariant()}"),
        _ => throw new TemplateException(path, $"attribute '{attribute}' of AWS::IAM::Role '{name}' is not known to the local emulator"),
    };

    private string QueueUrl(string name) => $"https://sqs.{_environment.Region}.{_environment.UrlSuffix}/{_environment.AccountId}/{name}";

    private static string KeyId(TemplateResource resource) => $"local-{resource.LogicalId}";

    private TemplateResource? GeneratedRoleOwner(string name)
    {
        // SAM creates "<FunctionLogicalId>Role" for a function without a Role property.
        if (!name.EndsWith("Role", StringComparison.Ordinal) || _resources.ContainsKey(name))
        {
            return null;
        }

        return _resources.TryGetValue(name[..^4], out var function)
            && function.Type == ResourceTypes.Function
            && !function.Properties.ContainsKey("Role")
                ? function
                : null;
    }

    private string GeneratedRoleName(TemplateResource function) => $"{_environment.StackName}-{function.LogicalId}Role";

    private static void RequireCreated(TemplateResource resource, IntrinsicResolver resolver, string path)
    {
        if (resource.Condition is { } condition && !resolver.IsConditionTrue(condition, $"{resource.Path}.Condition"))
        {
            throw new TemplateException(path, $"'{resource.LogicalId}' is not created because its Condition '{condition}' is false; reference it only inside an Fn::If on that condition");
        }
    }

    private static IEnumerable<(string? Type, TemplateMapping? Properties)> RawEvents(TemplateResource function)
    {
        if (function.Properties["Events"] is not TemplateMapping events)
        {
            yield break;
        }

        foreach (var (_, value) in events.Entries)
        {
            if (value is TemplateMapping definition)
            {
                yield return ((definition["Type"] as TemplateScalar)?.Text, definition["Properties"] as TemplateMapping);
            }
        }
    }
}
