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
        var tables = TomlReader.Read(File.ReadAllText(path), source);
        string? stackName = null;
        string? region = null;
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        var found = false;
        foreach (var command in Commands)
        {
            var tableName = $"{environment}.{command}.parameters";
            if (!tables.TryGetValue(tableName, out var table))
            {
                continue;
            }

            found = true;
            var where = $"{source} [{tableName}]";
            stackName = ReadString(table, "stack_name", where) ?? stackName;
            region = ReadString(table, "region", where) ?? region;
            foreach (var (key, value) in ReadOverrides(table, where))
            {
                overrides[key] = value;
            }
        }

        if (!found && required)
        {
            var known = tables.Keys
                .Where(name => name.Length > 0)
                .Select(name => name.Split('.')[0])
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            throw new TemplateException(
                source,
                $"no [{environment}.deploy.parameters] or [{environment}.global.parameters] table; environments here: {string.Join(", ", known)}");
        }

        return new SamConfigSettings(environment, stackName, region, overrides);
    }

    private static string? ReadString(IReadOnlyDictionary<string, TemplateValue> table, string key, string where) =>
        table.TryGetValue(key, out var value)
            ? value is TemplateScalar { Kind: ScalarKind.String } scalar
                ? scalar.Text
                : throw new TemplateException($"{where}.{key}", "must be a string")
            : null;

    private static IReadOnlyDictionary<string, string> ReadOverrides(IReadOnlyDictionary<string, TemplateValue> table, string where)
    {
        const string Key = "parameter_overrides";
        var source = $"{where}.{Key}";
        return table.GetValueOrDefault(Key) switch
        {
            null => new Dictionary<string, string>(StringComparer.Ordinal),
            TemplateScalar { Kind: ScalarKind.String } text => ParameterOverrides.Parse(text.Text, source),
            TemplateSequence list when list.Items.All(item => item is TemplateScalar { Kind: ScalarKind.String }) =>
                ParameterOverrides.Parse(list.Items.Select(item => ((TemplateScalar)item).Text), source),
            _ => throw new TemplateException(source, "must be a string or an array of strings"),
        };
    }
}
