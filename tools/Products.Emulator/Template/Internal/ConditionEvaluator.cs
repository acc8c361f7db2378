namespace Products.Emulator.Template.Internal;

/// <summary>
/// Evaluates the <c>Conditions</c> section ("Condition functions", AWS CloudFormation User Guide): Fn::Equals, Fn::Not,
/// Fn::And, Fn::Or (2 to 10 conditions) and <c>{Condition: Name}</c>; each condition once, cycles refused.
/// </summary>
internal sealed class ConditionEvaluator
{
    private readonly IntrinsicResolver _resolver;
    private readonly TemplateMapping _declarations;
    private readonly Dictionary<string, bool> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);

    public ConditionEvaluator(IntrinsicResolver resolver, TemplateMapping declarations)
    {
        _resolver = resolver;
        _declarations = declarations;
    }

    public IReadOnlyDictionary<string, bool> EvaluateAll()
    {
        foreach (var name in _declarations.Keys)
        {
            IsTrue(name, $"Conditions.{name}");
        }

        return _values;
    }

    public bool IsTrue(string name, string path)
    {
        if (_values.TryGetValue(name, out var known))
        {
            return known;
        }

        var declaration = _declarations[name]
            ?? throw new TemplateException(path, $"condition '{name}' is not declared in Conditions");
        if (!_evaluating.Add(name))
        {
            throw new TemplateException($"Conditions.{name}", "the condition depends on itself");
        }

        try
        {
            var value = Evaluate(declaration, $"Conditions.{name}");
            _values[name] = value;
            return value;
        }
        finally
        {
            _evaluating.Remove(name);
        }
    }

    private bool Evaluate(TemplateValue value, string path)
    {
        if (value is not TemplateMapping { Count: 1 } function)
        {
            throw new TemplateException(path, "a condition must be Fn::Equals, Fn::Not or {Condition: Name}");
        }

        var (name, argument) = function.Entries[0];
        var here = $"{path}.{name}";
        switch (name)
        {
            case IntrinsicNames.Condition:
                return IsTrue(ValueReader.Text(argument, here), here);
            case "Fn::Equals":
                var pair = List(argument, here, 2, 2);
                return Canonical(pair[0], $"{here}[0]") == Canonical(pair[1], $"{here}[1]");
            case "Fn::Not":
                return !Evaluate(List(argument, here, 1, 1)[0], $"{here}[0]");
            default:
                throw new TemplateException(here, $"'{name}' cannot be used in a condition here (the local emulator evaluates Fn::Equals, Fn::Not and Condition)");
        }
    }

    private string Canonical(TemplateValue value, string path) => _resolver.Resolve(value, path) switch
    {
        TemplateScalar scalar => scalar.Text,
        // A Ref to a list parameter compares by its comma-joined text.
        TemplateSequence list => string.Join(',', list.Items.Select((item, index) => ValueReader.Text(item, $"{path}[{index}]"))),
        null => string.Empty,
        _ => throw new TemplateException(path, "Fn::Equals compares strings, not mappings"),
    };

    private static IReadOnlyList<TemplateValue> List(TemplateValue argument, string path, int min, int max) =>
        argument is TemplateSequence sequence && sequence.Items.Count >= min && sequence.Items.Count <= max
            ? sequence.Items
            : throw new TemplateException(path, min == max ? $"expects a list of {min} item(s)" : $"expects a list of {min} to {max} conditions");
}
