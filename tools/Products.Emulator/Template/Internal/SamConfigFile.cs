using Tomlyn;
using Tomlyn.Model;

namespace Products.Emulator.Template.Internal;

/// <summary>
/// Reads one environment of samconfig.toml the way SAM CLI does for <c>sam deploy --config-env ENV</c> ("AWS SAM CLI
/// configuration file"): <c>[ENV.global.parameters]</c> first, then <c>[ENV.deploy.parameters]</c>, whose keys win.
/// </summary>
internal static class SamConfigFile
{
    private static readonly string[] Commands = ["global", "deploy"];

    /// <param name="required">True when the user named the environment (a stage): a missing one is an error.</param>
    public static SamConfigSettings Read(string path, string environment, bool required)
    {
        var source = Path.GetFileName(path);
        TomlTable document;
        try
        {
            document = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(path))
                ?? throw new TemplateException(source, "the file is empty");
        }
        catch (TomlException exception)
        {
            throw new TemplateException(source, "not valid TOML: " + exception.Message);
        }

        string? stackName = null;
        string? region = null;
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        var found = false;
        foreach (var command in Commands)
        {
            if (Table(document, environment) is not { } forEnvironment
                || Table(forEnvironment, command) is not { } forCommand
                || Table(forCommand, "parameters") is not { } table)
            {
                continue;
            }

            found = true;
            var where = $"{source} [{environment}.{command}.parameters]";
            stackName = ReadString(table, "stack_name", where) ?? stackName;
            region = ReadString(table, "region", where) ?? region;
            foreach (var (key, value) in ReadOverrides(table, where))
            {
                overrides[key] = value;
            }
        }

        if (!found && required)
        {
            var known = document
                .Where(entry => entry.Value is TomlTable)
                .Select(entry => entry.Key)
                .Order(StringComparer.Ordinal);
            throw new TemplateException(
                source,
                $"no [{environment}.deploy.parameters] or [{environment}.global.parameters] table; environments here: {string.Join(", ", known)}");
        }

        return new SamConfigSettings(environment, stackName, region, overrides);
    }

    private static TomlTable? Table(TomlTable parent, string key) =>
        parent.TryGetValue(key, out var value) ? value as TomlTable : null;

    private static string? ReadString(TomlTable table, string key, string where) =>
        table.TryGetValue(key, out var value)
            ? value as string ?? throw new TemplateException($"{where}.{key}", "must be a string")
            : null;

    private static IReadOnlyDictionary<string, string> ReadOverrides(TomlTable table, string where)
    {
        const string Key = "parameter_overrides";
        var source = $"{where}.{Key}";
        return table.TryGetValue(Key, out var value) ? value switch
        {
            string text => ParameterOverrides.Parse(text, source),
            TomlArray list when list.All(item => item is string) => ParameterOverrides.Parse(list.Cast<string>(), source),
            _ => throw new TemplateException(source, "must be a string or an array of strings"),
        }
        : new Dictionary<string, string>(StringComparer.Ordinal);
    }
}
