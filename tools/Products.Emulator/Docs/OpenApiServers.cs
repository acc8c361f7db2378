using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Products.Emulator.Docs;

/// <summary>
/// Rewrites the <c>servers</c> of an OpenAPI document (OpenAPI 3.1, "Server Object") to one entry, leaving every other
/// node as it is: the reference page's "try it" then calls the API that served the document.
/// </summary>
internal static class OpenApiServers
{
    /// <exception cref="InvalidDataException">The text is not one YAML document whose root is a mapping.</exception>
    public static string Replace(string documentYaml, Uri server, string description)
    {
        ArgumentNullException.ThrowIfNull(documentYaml);
        ArgumentNullException.ThrowIfNull(server);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(documentYaml));
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"The OpenAPI document is not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InvalidDataException("The OpenAPI document must be one YAML document whose root is a mapping.");
        }

        // A server URL has no trailing slash: paths start with one ("Paths Object").
        root.Children[new YamlScalarNode("servers")] = new YamlSequenceNode(new YamlMappingNode(
            new YamlScalarNode("url"), new YamlScalarNode(server.ToString().TrimEnd('/')),
            new YamlScalarNode("description"), new YamlScalarNode(description)));
        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
