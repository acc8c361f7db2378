using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Products.Emulator.Template.Internal;

/// <summary>
/// Reads a CloudFormation/SAM YAML template into <see cref="TemplateValue"/> from YamlDotNet's parser events (no
/// reflection, AOT-safe). Short-form tags become the long form CloudFormation documents as equivalent
/// ("Intrinsic function reference", AWS CloudFormation User Guide): <c>!Ref X</c> → <c>{Ref: X}</c>,
/// <c>!GetAtt A.B</c> → <c>{"Fn::GetAtt": [A, B]}</c>, <c>!Sub s</c> → <c>{"Fn::Sub": s}</c>, and so on.
/// </summary>
internal static partial class YamlTemplateReader
{
    private const string YamlStringTag = "tag:yaml.org,2002:str";

    public static TemplateMapping Read(string text, string sourceName)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                throw new TemplateException(sourceName, "the template is empty");
            }

            parser.Consume<DocumentStart>();
            var anchors = new Dictionary<string, TemplateValue>(StringComparer.Ordinal);
            var root = ReadNode(parser, anchors, sourceName);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                throw new TemplateException(sourceName, "a template holds exactly one YAML document");
            }

            return root as TemplateMapping
                ?? throw new TemplateException(sourceName, "the template's top level must be a mapping");
        }
        catch (YamlException exception)
        {
            throw new TemplateException(
                $"{sourceName}:{exception.Start.Line}:{exception.Start.Column}",
                $"invalid YAML: {exception.Message}",
                exception);
        }
    }

    private static TemplateValue ReadNode(IParser parser, Dictionary<string, TemplateValue> anchors, string sourceName)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var aliased)
                ? aliased
                : throw Error(sourceName, alias.Start, $"unknown alias '*{alias.Value.Value}'");
        }

        var start = parser.Current as NodeEvent
            ?? throw new TemplateException(sourceName, "unexpected YAML structure");
        TemplateValue value = start switch
        {
            Scalar scalar => ReadScalar(parser, scalar),
            SequenceStart => ReadSequence(parser, anchors, sourceName),
            MappingStart => ReadMapping(parser, anchors, sourceName),
            _ => throw Error(sourceName, start.Start, "unexpected YAML structure"),
        };

        value = ApplyTag(start, value, sourceName);
        if (!start.Anchor.IsEmpty)
        {
            anchors[start.Anchor.Value] = value;
        }

        return value;
    }

    private static TemplateScalar ReadScalar(IParser parser, Scalar scalar)
    {
        parser.MoveNext();
        if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty)
        {
            return TemplateScalar.String(scalar.Value);
        }

        return new TemplateScalar(scalar.Value, ClassifyPlain(scalar.Value));
    }

    private static TemplateSequence ReadSequence(IParser parser, Dictionary<string, TemplateValue> anchors, string sourceName)
    {
        parser.Consume<SequenceStart>();
        var items = new List<TemplateValue>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            items.Add(ReadNode(parser, anchors, sourceName));
        }

        return new TemplateSequence(items);
    }

    private static TemplateMapping ReadMapping(IParser parser, Dictionary<string, TemplateValue> anchors, string sourceName)
    {
        parser.Consume<MappingStart>();
        var entries = new List<KeyValuePair<string, TemplateValue>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current;
            if (keyEvent is not Scalar keyScalar)
            {
                throw Error(sourceName, keyEvent?.Start ?? Mark.Empty, "mapping keys must be plain strings");
            }

            parser.MoveNext();
            if (!seen.Add(keyScalar.Value))
            {
                // CloudFormation rejects duplicate keys; silently keeping one would hide a template bug.
                throw Error(sourceName, keyScalar.Start, $"duplicate key '{keyScalar.Value}'");
            }

            entries.Add(new KeyValuePair<string, TemplateValue>(keyScalar.Value, ReadNode(parser, anchors, sourceName)));
        }

        return new TemplateMapping(entries);
    }

    private static TemplateValue ApplyTag(NodeEvent node, TemplateValue value, string sourceName)
    {
        if (node.Tag.IsEmpty || node.Tag.IsNonSpecific)
        {
            return value;
        }

        var tag = node.Tag.Value;
        if (tag == YamlStringTag)
        {
            return value is TemplateScalar scalar
                ? TemplateScalar.String(scalar.Text)
                : throw Error(sourceName, node.Start, "!!str applies to scalars only");
        }

        if (!tag.StartsWith('!'))
        {
            throw Error(sourceName, node.Start, $"YAML tag '{tag}' is not supported in a CloudFormation template");
        }

        var name = tag[1..];
        return name switch
        {
            "Ref" => Function("Ref", RequireScalar(value, tag, node, sourceName)),
            "Condition" => Function("Condition", RequireScalar(value, tag, node, sourceName)),
            "GetAtt" => Function("Fn::GetAtt", GetAttArguments(value, node, sourceName)),
            _ when ShortFormFunctions.Contains(name) => Function("Fn::" + name, value),
            _ => throw Error(sourceName, node.Start, $"unknown tag '{tag}'"),
        };
    }

    private static readonly HashSet<string> ShortFormFunctions = new(StringComparer.Ordinal)
    {
        "Sub", "Join", "If", "Equals", "Not", "FindInMap", "ImportValue", "Cidr", "Transform",
    };

    private static TemplateValue GetAttArguments(TemplateValue value, NodeEvent node, string sourceName)
    {
        if (value is TemplateSequence)
        {
            return value;
        }

        // "!GetAtt Resource.Attribute": the attribute itself may contain dots (e.g. Endpoint.Address).
        var text = RequireScalar(value, "!GetAtt", node, sourceName).Text;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == text.Length - 1)
        {
            throw Error(sourceName, node.Start, $"!GetAtt '{text}' must be 'LogicalId.Attribute'");
        }

        return TemplateSequence.OfStrings([text[..dot], text[(dot + 1)..]]);
    }

    private static TemplateScalar RequireScalar(TemplateValue value, string tag, NodeEvent node, string sourceName) =>
        value as TemplateScalar ?? throw Error(sourceName, node.Start, $"{tag} takes a single name");

    private static TemplateMapping Function(string key, TemplateValue argument) =>
        new([new KeyValuePair<string, TemplateValue>(key, argument)]);

    private static ScalarKind ClassifyPlain(string text)
    {
        // YAML 1.2 core schema resolution for plain scalars.
        if (text.Length == 0 || text is "~" or "null" or "Null" or "NULL")
        {
            return ScalarKind.Null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return ScalarKind.Boolean;
        }

        return NumberPattern().IsMatch(text) ? ScalarKind.Number : ScalarKind.String;
    }

    private static TemplateException Error(string sourceName, Mark mark, string problem) =>
        new($"{sourceName}:{mark.Line}:{mark.Column}", problem);

    [GeneratedRegex(@"^(?:[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+)$")]
    private static partial Regex NumberPattern();
}
