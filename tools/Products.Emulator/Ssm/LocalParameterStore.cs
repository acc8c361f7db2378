using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Products.Emulator.Ssm;

/// <summary>
/// Parameters and secrets served by the local SSM endpoint: parameters from local/parameters.&lt;stage&gt;.json,
/// secret values from local/secrets.&lt;stage&gt;.json, where missing secrets are generated once (32 random bytes,
/// base64) and saved, so a fresh clone runs without hand-made secrets. Thread-safe. Counts requests per operation
/// and name so tests can see how often a client really called.
/// </summary>
public sealed partial class LocalParameterStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LocalParameter> _parameters;
    private readonly Dictionary<string, LocalSecret> _secrets;
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly string? _secretsFile;

    // Parameters put through the endpoint (PutParameter), saved to a git-ignored file that overlays the committed one.
    private readonly HashSet<string> _putNames = new(StringComparer.Ordinal);
    private string? _changesFile;
    private readonly TimeProvider _timeProvider;

    private LocalParameterStore(
        Dictionary<string, LocalParameter> parameters,
        Dictionary<string, LocalSecret> secrets,
        string? secretsFile,
        TimeProvider timeProvider)
    {
        _parameters = parameters;
        _secrets = secrets;
        _secretsFile = secretsFile;
        _timeProvider = timeProvider;
    }

    /// <summary>Where generated secrets are saved; null for an in-memory store.</summary>
    public string? SecretsFile => _secretsFile;

    /// <summary>
    /// Opens local/parameters.&lt;stage&gt;.json and local/secrets.&lt;stage&gt;.json under <paramref name="localDirectory"/>.
    /// With <paramref name="changesDirectory"/>, parameters put through the endpoint are saved to
    /// &lt;changesDirectory&gt;/parameters.&lt;stage&gt;.json and read back over the committed file on the next start.
    /// </summary>
    public static LocalParameterStore OpenStage(
        string localDirectory, string stage, TimeProvider? timeProvider = null, string? changesDirectory = null)
    {
        if (!StagePattern().IsMatch(stage))
        {
            throw new ArgumentException($"Stage '{stage}' must be lower-case letters, digits and '-'.", nameof(stage));
        }

        var store = Open(
            Path.Combine(localDirectory, $"parameters.{stage}.json"),
            Path.Combine(localDirectory, $"secrets.{stage}.json"),
            timeProvider);
        if (changesDirectory is not null)
        {
            store.LoadChanges(Path.Combine(changesDirectory, $"parameters.{stage}.json"));
        }

        return store;
    }

    /// <summary>Where parameters put through the endpoint are saved; null when they live in memory only.</summary>
    public string? ChangesFile => _changesFile;

    /// <summary>Loads both files and generates (and saves) every declared secret that has no value yet.</summary>
    public static LocalParameterStore Open(string parametersFile, string secretsFile, TimeProvider? timeProvider = null)
    {
        timeProvider ??= TimeProvider.System;
        var (parameters, secretIds) = LocalParameterFiles.ReadParameters(parametersFile, timeProvider.GetUtcNow());
        var secrets = LocalParameterFiles.ReadSecrets(secretsFile);
        var store = new LocalParameterStore(parameters, secrets, secretsFile, timeProvider);
        foreach (var id in secretIds)
        {
            store.EnsureSecret(id);
        }

        return store;
    }

    /// <summary>An empty store that keeps everything in memory (for tests).</summary>
    public static LocalParameterStore CreateInMemory(TimeProvider? timeProvider = null) =>
        new(new(StringComparer.Ordinal), new(StringComparer.Ordinal), secretsFile: null, timeProvider ?? TimeProvider.System);

    public LocalParameter? FindParameter(string name)
    {
        lock (_gate)
        {
            return _parameters.GetValueOrDefault(name);
        }
    }

    /// <summary>
    /// Parameters below <paramref name="path"/> in name order: one level down, or every level when
    /// <paramref name="recursive"/> (GetParametersByPath semantics).
    /// </summary>
    public IReadOnlyList<LocalParameter> ParametersUnder(string path, bool recursive)
    {
        var prefix = path.EndsWith('/') ? path : path + "/";
        lock (_gate)
        {
            return _parameters.Values
                .Where(parameter => parameter.Name.StartsWith(prefix, StringComparison.Ordinal)
                    && parameter.Name.Length > prefix.Length
                    && (recursive || !parameter.Name.AsSpan(prefix.Length).Contains('/')))
                .OrderBy(parameter => parameter.Name, StringComparer.Ordinal)
                .ToList();
        }
    }

    /// <summary>Adds or replaces a parameter in memory (not saved), bumping its version.</summary>
    public LocalParameter SetParameter(string name, LocalParameterType type, string value)
    {
        if (!LocalParameterNames.IsValidParameterName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid parameter name.", nameof(name));
        }

        ArgumentException.ThrowIfNullOrEmpty(value);
        lock (_gate)
        {
            var version = _parameters.TryGetValue(name, out var existing) ? existing.Version + 1 : 1;
            var parameter = new LocalParameter(name, type, value, version, _timeProvider.GetUtcNow());
            _parameters[name] = parameter;
            return parameter;
        }
    }

    /// <summary>
    /// PutParameter: creates the parameter, or replaces its value (version + 1) when <paramref name="overwrite"/> is set;
    /// <paramref name="type"/> may be omitted only when replacing. Saved to <see cref="ChangesFile"/> when there is one.
    /// </summary>
    public PutParameterOutcome PutParameter(string name, LocalParameterType? type, string value, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        lock (_gate)
        {
            var existing = _parameters.GetValueOrDefault(name);
            if (existing is not null && !overwrite)
            {
                return PutParameterOutcome.Refused(PutParameterRefusal.AlreadyExists);
            }

            if (existing is null && type is null)
            {
                return PutParameterOutcome.Refused(PutParameterRefusal.TypeRequired);
            }

            var parameter = SetParameter(name, type ?? existing!.Type, value);
            _putNames.Add(name);
            SaveChanges();
            return new PutParameterOutcome(parameter);
        }
    }

    public LocalSecret? FindSecret(string id)
    {
        lock (_gate)
        {
            return _secrets.GetValueOrDefault(id);
        }
    }

    /// <summary>The secret, generated and saved first when it has no value yet.</summary>
    public LocalSecret EnsureSecret(string id)
    {
        if (!LocalParameterNames.IsValidSecretId(id))
        {
            throw new ArgumentException($"'{id}' is not a valid secret id.", nameof(id));
        }

        lock (_gate)
        {
            if (_secrets.TryGetValue(id, out var existing))
            {
                return existing;
            }

            var secret = new LocalSecret(NewSecretValue(), Previous: null, _timeProvider.GetUtcNow());
            _secrets[id] = secret;
            Save();
            return secret;
        }
    }

    /// <summary>Rotates like Secrets Manager: AWSCURRENT moves to AWSPREVIOUS, a new value becomes AWSCURRENT.</summary>
    public LocalSecret RotateSecret(string id)
    {
        lock (_gate)
        {
            var current = _secrets.TryGetValue(id, out var existing)
                ? existing
                : throw new KeyNotFoundException($"No local secret '{id}'.");
            var rotated = new LocalSecret(NewSecretValue(), current.Current, _timeProvider.GetUtcNow());
            _secrets[id] = rotated;
            Save();
            return rotated;
        }
    }

    /// <summary>Records one request of <paramref name="operation"/> (e.g. GetParameter) for a name or path.</summary>
    public void CountRequest(string operation, string name) =>
        _requests.AddOrUpdate(RequestKey(operation, name), 1, (_, count) => count + 1);

    /// <summary>How many requests of <paramref name="operation"/> asked for <paramref name="name"/>.</summary>
    public int RequestCount(string operation, string name) =>
        _requests.GetValueOrDefault(RequestKey(operation, name));

    private static string RequestKey(string operation, string name) => operation + " " + name;

    private static string NewSecretValue() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private void LoadChanges(string path)
    {
        _changesFile = path;
        if (!File.Exists(path))
        {
            return;
        }

        var (changed, _) = LocalParameterFiles.ReadParameters(path, _timeProvider.GetUtcNow());
        lock (_gate)
        {
            foreach (var (name, parameter) in changed)
            {
                _parameters[name] = parameter;
                _putNames.Add(name);
            }
        }
    }

    // Called under _gate, so concurrent puts never interleave their writes.
    private void SaveChanges()
    {
        if (_changesFile is not null)
        {
            LocalParameterFiles.WriteParameters(_changesFile, _putNames.Select(name => _parameters[name]));
        }
    }

    // Called under _gate, so concurrent generations never interleave their writes.
    private void Save()
    {
        if (_secretsFile is not null)
        {
            LocalParameterFiles.WriteSecrets(_secretsFile, _secrets);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex StagePattern();
}
