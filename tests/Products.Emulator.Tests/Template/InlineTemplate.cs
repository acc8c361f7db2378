using Products.Emulator.Template;

namespace Products.Emulator.Tests.Template;

/// <summary>Loads a small YAML template from its own fresh folder (optionally with a samconfig.toml beside it).</summary>
internal static class InlineTemplate
{
    public const string Header = """
        AWSTemplateFormatVersion: "2010-09-09"
        Transform: AWS::Serverless-2016-10-31

        """;

    public static LocalTemplate Load(string yaml, TemplateLoadOptions? options = null, string? samConfig = null)
    {
        var directory = Directory.CreateTempSubdirectory("products-template-test-");
        try
        {
            if (samConfig is not null)
            {
                File.WriteAllText(Path.Combine(directory.FullName, TemplateLoader.SamConfigFileName), samConfig);
            }

            var path = Path.Combine(directory.FullName, "template.yaml");
            File.WriteAllText(path, yaml);
            return TemplateLoader.Load(path, options ?? new TemplateLoadOptions());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    public static TemplateException LoadFails(string yaml, TemplateLoadOptions? options = null, string? samConfig = null) =>
        Assert.Throws<TemplateException>(() => Load(yaml, options, samConfig));

    /// <summary>A template with one function whose Environment.Variables hold the given YAML lines (indented by the caller).</summary>
    public static string WithVariables(string parametersAndConditions, string variables) => Header + parametersAndConditions + """

        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fn/
              Handler: Fn
              Runtime: dotnet10
              Environment:
                Variables:

        """ + variables;
}
