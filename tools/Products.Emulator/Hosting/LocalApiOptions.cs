namespace Products.Emulator.Hosting;

/// <summary>Everything that shapes one local run of the API.</summary>
public sealed record LocalApiOptions
{
    /// <summary>The repository (the folder holding Products.sln and template.yaml).</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>The SAM template; default template.yaml in the repository.</summary>
    public string? TemplatePath { get; init; }

    /// <summary>Stage whose samconfig.toml parameter overrides apply (dev, staging, prod); null uses samconfig's default.</summary>
    public string? Stage { get; init; }

    /// <summary>Template parameter values given on the command line; they win over samconfig's.</summary>
    public IReadOnlyDictionary<string, string> ParameterOverrides { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>HTTP port of the API on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; } = 3000;

    /// <summary>Keep DynamoDB data in memory only (gone when the emulator stops).</summary>
    public bool InMemory { get; init; }

    /// <summary>Port of the local DynamoDB engine on 127.0.0.1; 0 picks a free one (pin it to keep a CLI profile).</summary>
    public int DynamoDbPort { get; init; }

    /// <summary>Port of the local SSM endpoint on 127.0.0.1; 0 picks a free one.</summary>
    public int SsmPort { get; init; }

    /// <summary>Use this DynamoDB-compatible endpoint instead of starting dynalite.</summary>
    public Uri? DynamoDbEndpoint { get; init; }

    /// <summary>Where dynalite keeps data when not in memory; default .products-local/dynamodb-&lt;stage&gt;.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>How the functions are built.</summary>
    public BuildMode Build { get; init; } = BuildMode.Packaged;

    /// <summary>Build configuration for <see cref="BuildMode.Project"/> and <see cref="BuildMode.Prebuilt"/>.</summary>
    public string Configuration { get; init; } = "Release";

    /// <summary>Concurrent execution environments per function before requests are throttled (Lambda's 429).</summary>
    public int MaxEnvironmentsPerFunction { get; init; } = 10;

    /// <summary>How long an idle environment is kept warm.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The issuer the HTTP API's JWT authorizers trust instead of the local issuer: its discovery document and JWKS are
    /// fetched as API Gateway does. Null: the local issuer (its key in .products-local/issuer/signing-key.json, created when missing) stands in for the template's.
    /// </summary>
    public Uri? JwtIssuer { get; init; }

    /// <summary>The audience tokens of <see cref="JwtIssuer"/> carry; null takes the template's <c>JwtAudience</c> parameter.</summary>
    public string? JwtAudience { get; init; }

    /// <summary>Progress, routes and access-log lines.</summary>
    public Action<string> Output { get; init; } = Console.WriteLine;

    /// <summary>Function log lines (already prefixed with the function's name).</summary>
    public Lambda.IFunctionLogSink? FunctionLogs { get; init; }
}
