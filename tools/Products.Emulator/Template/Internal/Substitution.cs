using System.Text;

namespace Products.Emulator.Template.Internal;

/// <summary>
/// Fn::Sub ("Fn::Sub", AWS CloudFormation User Guide): <c>${Name}</c> is a variable from the map, a parameter, a pseudo
/// parameter or a resource Ref; <c>${Resource.Attribute}</c> is a GetAtt; <c>${!Literal}</c> writes <c>${Literal}</c>.
/// </summary>
internal static class Substitution
{
    public static string Resolve(IntrinsicResolver resolver, TemplateValue argument, string path)
    {
        string template;
        TemplateMapping variables;
        switch (argument)
        {
            case TemplateScalar { Kind: not ScalarKind.Null } scalar:
                template = scalar.Text;
                variables = TemplateMapping.Empty;
                break;
            case TemplateSequence { Items: [TemplateScalar text, TemplateMapping map] }:
                template = text.Text;
                variables = map;
                break;
            default:
                throw new TemplateException(path, "Fn::Sub takes a string, or a list of a string and a map of variables");
        }

        var output = new StringBuilder(template.Length);
        var position = 0;
        while (position < template.Length)
        {
            var start = template.IndexOf("${", position, StringComparison.Ordinal);
            if (start < 0)
            {
                output.Append(template, position, template.Length - position);
                break;
            }

            output.Append(template, position, start - position);
            var end = template.IndexOf('}', start + 2);
            if (end < 0)
            {
                throw new TemplateException(path, $"unterminated '${{' in '{template}'");
            }

            var name = template[(start + 2)..end].Trim();
            output.Append(name.StartsWith('!')
                ? "${" + name[1..] + "}"
                : Variable(resolver, name, variables, path));
            position = end + 1;
        }

        return output.ToString();
    }

    private static string Variable(IntrinsicResolver resolver, string name, TemplateMapping variables, string path)
    {
        var here = $"{path}.${{{name}}}";
        if (variables.TryGetValue(name, out var value))
        {
            return resolver.ResolveString(value, here);
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var resolved = dot > 0 && !name.StartsWith("AWS::", StringComparison.Ordinal)
            ? resolver.GetAtt(name[..dot], name[(dot + 1)..], here)
            : resolver.Ref(name, here);
        return resolved is TemplateScalar scalar
            ? scalar.Text
            : throw new TemplateException(here, $"'{name}' is a list; Fn::Sub can only insert strings (use Fn::Join)");
    }
}
