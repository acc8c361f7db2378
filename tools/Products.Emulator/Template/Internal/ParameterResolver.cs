using System.Globalization;
using System.Text.RegularExpressions;

namespace Products.Emulator.Template.Internal;

/// <summary>
/// Gives every declared parameter its value (override, then samconfig, then Default) and checks it the way
/// CloudFormation does at create time: AllowedValues, AllowedPattern, Min/MaxLength, Min/MaxValue, Number syntax.
/// </summary>
internal static class ParameterResolver
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    public static IReadOnlyDictionary<string, ResolvedParameter> Resolve(
        TemplateMapping? declarations,
        IReadOnlyDictionary<string, string> samConfigOverrides,
        IReadOnlyDictionary<string, string> overrides)
    {
        declarations ??= TemplateMapping.Empty;
        CheckKnown(declarations, samConfigOverrides, "samconfig.toml parameter_overrides");
        CheckKnown(declarations, overrides, "parameter overrides");
        var result = new Dictionary<string, ResolvedParameter>(StringComparer.Ordinal);
        foreach (var (name, declarationValue) in declarations.Entries)
        {
            var path = $"Parameters.{name}";
            var declaration = declarationValue as TemplateMapping
                ?? throw new TemplateException(path, "a parameter must be a mapping with at least a Type");
            result[name] = ResolveOne(name, path, declaration, samConfigOverrides, overrides);
        }

        return result;
    }

    private static ResolvedParameter ResolveOne(
        string name,
        string path,
        TemplateMapping declaration,
        IReadOnlyDictionary<string, string> samConfigOverrides,
        IReadOnlyDictionary<string, string> overrides)
    {
        var type = ValueReader.RequiredString(declaration, "Type", path);
        if (!ParameterTypes.IsKnown(type))
        {
            throw new TemplateException($"{path}.Type", $"unknown parameter type '{type}'");
        }

        string value;
        ParameterSource source;
        if (overrides.TryGetValue(name, out var overridden))
        {
            (value, source) = (overridden, ParameterSource.Override);
        }
        else if (samConfigOverrides.TryGetValue(name, out var configured))
        {
            (value, source) = (configured, ParameterSource.SamConfig);
        }
        else if (declaration.TryGetValue("Default", out var defaultValue))
        {
            value = DefaultText(defaultValue, $"{path}.Default");
            source = ParameterSource.Default;
        }
        else
        {
            throw new TemplateException(path, "has no Default and no value was given: add it to the parameter overrides");
        }

        if (type.StartsWith(ParameterTypes.SsmPrefix, StringComparison.Ordinal) && source == ParameterSource.Default)
        {
            // CloudFormation would read Parameter Store at deploy time; the loader runs before any local SSM exists.
            throw new TemplateException(path, $"type '{type}' is read from SSM Parameter Store at deploy time; give the value as a parameter override to run locally");
        }

        var items = ParameterTypes.IsList(type) ? SplitList(value) : [value];
        var where = source switch
        {
            ParameterSource.Override => " (from the parameter overrides)",
            ParameterSource.SamConfig => " (from samconfig.toml)",
            _ => " (the Default)",
        };
        foreach (var item in items)
        {
            Check(declaration, path, type, item, where);
        }

        return new ResolvedParameter(name, type, value, items, source);
    }

    private static string DefaultText(TemplateValue value, string path) => value switch
    {
        TemplateScalar { Kind: not ScalarKind.Null } scalar => scalar.Text,
        // A YAML list as Default for a list type means the same as its comma-joined text.
        TemplateSequence sequence when sequence.Items.All(item => item is TemplateScalar) =>
            string.Join(',', sequence.Items.Cast<TemplateScalar>().Select(item => item.Text)),
        _ => throw new TemplateException(path, "must be a string or a number"),
    };

    // "CommaDelimitedList: ... each member string is space trimmed" (Parameters section syntax).
    private static string[] SplitList(string value) =>
        value.Split(',').Select(item => item.Trim()).ToArray();

    private static void Check(TemplateMapping declaration, string path, string type, string value, string where)
    {
        if (declaration.TryGetValue("AllowedValues", out var allowed))
        {
            var allowedValues = ValueReader.StringList(allowed, $"{path}.AllowedValues");
            if (!allowedValues.Contains(value, StringComparer.Ordinal))
            {
                throw new TemplateException(path, $"value '{value}'{where} is not one of the AllowedValues [{string.Join(", ", allowedValues)}]");
            }
        }

        var isNumber = type is ParameterTypes.Number or ParameterTypes.NumberList;
        if (isNumber)
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                throw new TemplateException(path, $"value '{value}'{where} is not a number");
            }

            if (ValueReader.OptionalDouble(declaration, "MinValue", path) is { } min && number < min)
            {
                throw new TemplateException(path, $"value {value}{where} is below MinValue {min.ToString(CultureInfo.InvariantCulture)}");
            }

            if (ValueReader.OptionalDouble(declaration, "MaxValue", path) is { } max && number > max)
            {
                throw new TemplateException(path, $"value {value}{where} is above MaxValue {max.ToString(CultureInfo.InvariantCulture)}");
            }

            return;
        }

        if (ValueReader.OptionalInt(declaration, "MinLength", path) is { } minLength && value.Length < minLength)
        {
            throw new TemplateException(path, $"value '{value}'{where} is shorter than MinLength {minLength}");
        }

        if (ValueReader.OptionalInt(declaration, "MaxLength", path) is { } maxLength && value.Length > maxLength)
        {
            throw new TemplateException(path, $"value '{value}'{where} is longer than MaxLength {maxLength}");
        }

        if (ValueReader.OptionalString(declaration, "AllowedPattern", path) is { } pattern
            && !Regex.IsMatch(value, $"^(?:{pattern})$", RegexOptions.CultureInvariant, PatternTimeout))
        {
            var description = ValueReader.OptionalString(declaration, "ConstraintDescription", path);
            throw new TemplateException(path, $"value '{value}'{where} does not match AllowedPattern '{pattern}'{(description is null ? string.Empty : ": " + description)}");
        }
    }

    private static void CheckKnown(TemplateMapping declarations, IReadOnlyDictionary<string, string> given, string source)
    {
        // CloudFormation refuses values for parameters the template does not declare; so do we (a typo would
        // otherwise silently run the default).
        var unknown = given.Keys.Where(key => !declarations.ContainsKey(key)).Order(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            throw new TemplateException(source, $"parameter(s) {string.Join(", ", unknown)} are not declared in the template's Parameters");
        }
    }
}
