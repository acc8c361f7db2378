namespace Products.Emulator.Template.Internal;

/// <summary>
/// Checks the <c>Rules</c> section ("Template rules" and "Rule functions", AWS CloudFormation User Guide) against the
/// parameter values, as CloudFormation does before it creates or changes anything: for each rule whose RuleCondition
/// holds (or that has none), every Assert must hold, else the stack operation fails with the AssertDescription.
/// Functions: the ones template.yaml's rules use, Fn::Equals and Fn::Not, with Ref to parameters; any other is refused
/// by name.
/// </summary>
internal static class RuleEvaluator
{
    public static void Check(TemplateValue? section, IntrinsicResolver resolver)
    {
        if (section is null)
        {
            return;
        }

        foreach (var (name, value) in ValueReader.Mapping(section, "Rules").Entries)
        {
            var path = $"Rules.{name}";
            var rule = ValueReader.Mapping(value, path);
            foreach (var key in rule.Keys.Where(key => key is not ("RuleCondition" or "Assertions")))
            {
                throw new TemplateException($"{path}.{key}", $"'{key}' is not part of a rule (RuleCondition, Assertions)");
            }

            if (rule["RuleCondition"] is { } condition && !Evaluate(condition, $"{path}.RuleCondition", resolver))
            {
                continue;
            }

            var assertions = rule["Assertions"] as TemplateSequence
                ?? throw new TemplateException(path, "a rule needs a list of Assertions");
            for (var index = 0; index < assertions.Items.Count; index++)
            {
                var here = $"{path}.Assertions[{index}]";
                var assertion = ValueReader.Mapping(assertions.Items[index], here);
                var test = assertion["Assert"] ?? throw new TemplateException(here, "the required property 'Assert' is missing");
                if (!Evaluate(test, $"{here}.Assert", resolver))
                {
                    var description = ValueReader.OptionalString(assertion, "AssertDescription", here) ?? "the assertion does not hold";
                    throw new TemplateException(here, $"rule {name} fails for these parameter values: {description}");
                }
            }
        }
    }

    private static bool Evaluate(TemplateValue value, string path, IntrinsicResolver resolver)
    {
        if (value is not TemplateMapping { Count: 1 } function)
        {
            throw new TemplateException(path, "a rule test must be a rule function such as Fn::Equals");
        }

        var (name, argument) = function.Entries[0];
        var here = $"{path}.{name}";
        switch (name)
        {
            case "Fn::Equals":
                var pair = Arguments(argument, here, 2, 2);
                return Text(pair[0], $"{here}[0]", resolver) == Text(pair[1], $"{here}[1]", resolver);
            case "Fn::Not":
                return !Evaluate(Arguments(argument, here, 1, 1)[0], $"{here}[0]", resolver);
            default:
                throw new TemplateException(here, $"'{name}' is not a rule function the local emulator evaluates (Fn::Equals, Fn::Not)");
        }
    }

    private static string Text(TemplateValue value, string path, IntrinsicResolver resolver) => resolver.Resolve(value, path) switch
    {
        TemplateScalar scalar => scalar.Text,
        TemplateSequence list => string.Join(',', list.Items.Select((item, index) => ValueReader.Text(item, $"{path}[{index}]"))),
        _ => throw new TemplateException(path, "a rule compares strings"),
    };

    private static IReadOnlyList<TemplateValue> Arguments(TemplateValue argument, string path, int min, int max) =>
        argument is TemplateSequence sequence && sequence.Items.Count >= min && sequence.Items.Count <= max
            ? sequence.Items
            : throw new TemplateException(path, min == max ? $"expects a list of {min} item(s)" : $"expects a list of {min} to {max} items");
}
