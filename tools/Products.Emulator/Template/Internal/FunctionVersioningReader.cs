namespace Products.Emulator.Template.Internal;

/// <summary>
/// Reads a function's published-version settings and refuses combinations AWS refuses at deploy time:
/// AutoPublishAlias ("AWS::Serverless::Function", AWS SAM Developer Guide: an alias name, SAM accepts no Fn::If
/// there), SnapStart ApplyOn (PublishedVersions | None, "AWS::Lambda::Function SnapStart"), and
/// ProvisionedConcurrencyConfig, which SAM places on the alias and so requires AutoPublishAlias. Lambda SnapStart does
/// not support provisioned concurrency ("Improving startup performance with Lambda SnapStart", supported features and
/// limitations), so a function may not ask for both.
/// </summary>
internal static class FunctionVersioningReader
{
    public static (string? Alias, bool SnapStart, int? ProvisionedConcurrency) Read(TemplateMapping properties, string path)
    {
        var alias = ValueReader.OptionalString(properties, "AutoPublishAlias", path);
        if (alias is not null && (alias.Length is 0 or > 128 || char.IsAsciiDigit(alias[0]) || !alias.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            // Lambda's alias name pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+), at most 128 characters.
            throw new TemplateException($"{path}.AutoPublishAlias", $"'{alias}' is not a Lambda alias name (letters, digits, '-' and '_', not starting with a digit)");
        }

        var snapStart = false;
        if (ValueReader.OptionalMapping(properties, "SnapStart", path) is { } snapStartConfig)
        {
            snapStart = ValueReader.RequiredString(snapStartConfig, "ApplyOn", $"{path}.SnapStart") switch
            {
                "PublishedVersions" => true,
                "None" => false,
                var other => throw new TemplateException($"{path}.SnapStart.ApplyOn", $"'{other}' is not PublishedVersions or None"),
            };
        }

        int? provisioned = null;
        if (ValueReader.OptionalMapping(properties, "ProvisionedConcurrencyConfig", path) is { } provisionedConfig)
        {
            var here = $"{path}.ProvisionedConcurrencyConfig";
            provisioned = ValueReader.OptionalInt(provisionedConfig, "ProvisionedConcurrentExecutions", here)
                ?? throw new TemplateException(here, "the required property 'ProvisionedConcurrentExecutions' is missing");
            if (provisioned < 1)
            {
                // Lambda has no "0 provisioned": leave the property out (Fn::If with AWS::NoValue) to turn it off.
                throw new TemplateException($"{here}.ProvisionedConcurrentExecutions", $"{provisioned} is below 1; remove ProvisionedConcurrencyConfig (AWS::NoValue) to turn it off");
            }

            if (alias is null)
            {
                throw new TemplateException(here, "SAM sets provisioned concurrency on the function's alias: set AutoPublishAlias");
            }
        }

        if (snapStart && alias is null)
        {
            throw new TemplateException($"{path}.SnapStart", "SnapStart applies to published versions only: set AutoPublishAlias so API events invoke one");
        }

        if (snapStart && provisioned is not null)
        {
            throw new TemplateException($"{path}.SnapStart", "Lambda SnapStart does not support provisioned concurrency: turn one of them off");
        }

        return (alias, snapStart, provisioned);
    }
}
