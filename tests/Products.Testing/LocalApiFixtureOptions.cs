namespace Products.Testing;

/// <summary>What shapes one <see cref="LocalApiFixture"/>; the defaults run template.yaml as it is, in memory.</summary>
public sealed record LocalApiFixtureOptions
{
    /// <summary>
    /// Edits the text of template.yaml for this API only (e.g. a shorter <c>Timeout</c>); the fixture runs an edited
    /// copy and never touches the repository's file. An edit that changes nothing is an error, so a test cannot
    /// silently run the unedited template after the template changed.
    /// </summary>
    public Func<string, string>? EditTemplate { get; init; }

    /// <summary>Where dynalite keeps its data, to outlive the fixture; null keeps it in memory.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Execution environments per function before requests are throttled (the CLI's --max-concurrency).</summary>
    public int MaxConcurrency { get; init; } = 10;

    /// <summary>How long an idle execution environment stays warm (the CLI's --idle-seconds).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Which function code runs.</summary>
    public LocalApiBuild Build { get; init; } = LocalApiBuild.Existing;

    /// <summary>Build configuration of the function projects; default: the one the running program was built with.</summary>
    public string Configuration { get; init; } = BuildConfiguration.Current;

    /// <summary>samconfig.toml environment and local parameters file (dev, staging, prod); null: samconfig's default.</summary>
    public string? Stage { get; init; }

    /// <summary>Template parameter values (the CLI's --parameter-overrides).</summary>
    public IReadOnlyDictionary<string, string> ParameterOverrides { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
