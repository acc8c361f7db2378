using System.Globalization;
using System.Text;

namespace Products.Emulator.Template.Internal;

/// <summary>
/// Resolves CloudFormation intrinsic functions ("Intrinsic function reference", AWS CloudFormation User Guide) in a
/// template tree: the ones template.yaml uses — Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::If, Fn::FindInMap (conditions:
/// Fn::Equals, Fn::Not, Condition). Any other is refused by name rather than half-supported. <c>AWS::NoValue</c>
/// removes the property or list item (returned as null). Fn::If resolves only the branch taken, as CloudFormation
/// does, so a branch may reference a resource whose condition is false.
/// </summary>
internal sealed class IntrinsicResolver
{
    private readonly StackEnvironment _environment;
    private readonly IReadOnlyDictionary<string, ResolvedParameter> _parameters;
    private readonly TemplateMapping _mappings;
    private readonly ResourceCatalog _catalog;
    private readonly ConditionEvaluator _conditions;

    public IntrinsicResolver(
        StackEnvironment environment,
        IReadOnlyDictionary<string, ResolvedParameter> parameters,
        TemplateMapping? mappings,
        TemplateMapping? conditions,
        ResourceCatalog catalog)
    {
        _environment = environment;
        _parameters = parameters;
        _mappings = mappings ?? TemplateMapping.Empty;
        _catalog = catalog;
        _conditions = new ConditionEvaluator(this, conditions ?? TemplateMapping.Empty);
    }

    public bool IsConditionTrue(string name, string path) => _conditions.IsTrue(name, path);

    /// <summary>Evaluates every declared condition once (so a broken one fails even when unused, as in CloudFormation).</summary>
    public IReadOnlyDictionary<string, bool> EvaluateAllConditions() => _conditions.EvaluateAll();

    /// <summary>The resolved value, or null for <c>AWS::NoValue</c>.</summary>
    public TemplateValue? Resolve(TemplateValue value, string path) => value switch
    {
        TemplateScalar => value,
        TemplateSequence sequence => ResolveSequence(sequence, path),
        TemplateMapping mapping when IntrinsicNames.IsIntrinsic(mapping) =>
            ResolveFunction(mapping.Entries[0].Key, mapping.Entries[0].Value, $"{path}.{mapping.Entries[0].Key}"),
        TemplateMapping mapping => ResolveMapping(mapping, path),
        _ => throw new TemplateException(path, "unknown value"),
    };

    public TemplateMapping ResolveMapping(TemplateMapping mapping, string path)
    {
        var entries = new List<KeyValuePair<string, TemplateValue>>(mapping.Count);
        foreach (var (key, value) in mapping.Entries)
        {
            if (Resolve(value, $"{path}.{key}") is { } resolved)
            {
                entries.Add(new KeyValuePair<string, TemplateValue>(key, resolved));
            }
        }

        return new TemplateMapping(entries);
    }

    public string ResolveString(TemplateValue value, string path) => Resolve(value, path) switch
    {
        TemplateScalar { Kind: not ScalarKind.Null } scalar => scalar.Text,
        null => throw new TemplateException(path, "resolves to AWS::NoValue where a string is needed"),
        var other => throw new TemplateException(path, $"resolves to {ValueReader.Describe(other)} where a string is needed"),
    };

    public TemplateValue Ref(string name, string path)
    {
        if (PseudoParameters.TryGet(name, _environment, out var pseudo))
        {
            return pseudo;
        }

        if (_parameters.TryGetValue(name, out var parameter))
        {
            return parameter.IsList ? TemplateSequence.OfStrings(parameter.Items) : TemplateScalar.String(parameter.Value);
        }

        if (_catalog.TryRef(name, this, path, out var resource))
        {
            return resource;
        }

        throw new TemplateException(path, $"'{name}' is not a parameter, a pseudo parameter or a resource of this template");
    }

    private TemplateSequence ResolveSequence(TemplateSequence sequence, string path)
    {
        var items = new List<TemplateValue>(sequence.Items.Count);
        for (var index = 0; index < sequence.Items.Count; index++)
        {
            if (Resolve(sequence.Items[index], $"{path}[{index}]") is { } resolved)
            {
                items.Add(resolved);
            }
        }

        return new TemplateSequence(items);
    }

    private TemplateValue? ResolveFunction(string function, TemplateValue argument, string path)
    {
        switch (function)
        {
            case IntrinsicNames.Ref:
                var name = ValueReader.Text(argument, path);
                return name == PseudoParameters.NoValue ? null : Ref(name, path);
            case "Fn::GetAtt":
                return GetAtt(argument, path);
            case "Fn::Sub":
                return TemplateScalar.String(Substitution.Resolve(this, argument, path));
            case "Fn::Join":
                return Join(argument, path);
            case "Fn::If":
                var branches = Arguments(argument, 3, path);
                var condition = ValueReader.Text(branches[0], $"{path}[0]");
                return IsConditionTrue(condition, $"{path}[0]")
                    ? Resolve(branches[1], $"{path}[1]")
                    : Resolve(branches[2], $"{path}[2]");
            case "Fn::FindInMap":
                return FindInMap(argument, path);
            case "Fn::Equals" or "Fn::Not":
                throw new TemplateException(path, $"{function} is a condition function: use it in the Conditions section and refer to the condition with Fn::If");
            case "Fn::ImportValue" or "Fn::Cidr" or "Fn::Transform":
                throw new TemplateException(path, $"{function} cannot be resolved by the local emulator (it needs other stacks, a VPC or a macro)");
            default:
                throw new TemplateException(path, $"intrinsic function '{function}' is not supported by the local emulator");
        }
    }

    private TemplateValue GetAtt(TemplateValue argument, string path)
    {
        var arguments = Arguments(argument, 2, path);
        var resource = ValueReader.Text(arguments[0], $"{path}[0]");
        var attribute = ResolveString(arguments[1], $"{path}[1]");
        return _catalog.GetAtt(resource, attribute, this, path);
    }

    /// <summary>For Fn::Sub's <c>${Resource.Attribute}</c>.</summary>
    public TemplateValue GetAtt(string resource, string attribute, string path) => _catalog.GetAtt(resource, attribute, this, path);

    private TemplateScalar Join(TemplateValue argument, string path)
    {
        var arguments = Arguments(argument, 2, path);
        var delimiter = ValueReader.Text(arguments[0], $"{path}[0]");
        if (Resolve(arguments[1], $"{path}[1]") is not TemplateSequence list)
        {
            throw new TemplateException($"{path}[1]", "Fn::Join needs a list of strings");
        }

        var parts = list.Items.Select((item, index) => ValueReader.Text(item, $"{path}[1][{index}]"));
        return TemplateScalar.String(string.Join(delimiter, parts));
    }

    private TemplateValue FindInMap(TemplateValue argument, string path)
    {
        var arguments = Arguments(argument, 3, path);
        var mapName = ResolveString(arguments[0], $"{path}[0]");
        var topKey = ResolveString(arguments[1], $"{path}[1]");
        var secondKey = ResolveString(arguments[2], $"{path}[2]");
        var map = _mappings[mapName] as TemplateMapping
            ?? throw new TemplateException(path, $"mapping '{mapName}' is not declared in Mappings");
        var top = map[topKey] as TemplateMapping
            ?? throw new TemplateException(path, $"mapping '{mapName}' has no key '{topKey}'");
        var value = top[secondKey]
            ?? throw new TemplateException(path, $"mapping '{mapName}.{topKey}' has no key '{secondKey}'");
        return Resolve(value, $"Mappings.{mapName}.{topKey}.{secondKey}")
            ?? throw new TemplateException(path, "a mapping value cannot be AWS::NoValue");
    }

    private static IReadOnlyList<TemplateValue> Arguments(TemplateValue argument, int count, string path) =>
        argument is TemplateSequence sequence && sequence.Items.Count == count
            ? sequence.Items
            : throw new TemplateException(path, $"expects a list of {count} arguments");
}
