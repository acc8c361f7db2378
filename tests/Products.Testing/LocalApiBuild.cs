namespace Products.Testing;

/// <summary>How <see cref="LocalApiFixture"/> gets the functions it runs.</summary>
public enum LocalApiBuild
{
    /// <summary>
    /// The function projects' existing build output (bin/&lt;Configuration&gt;/net10.0). A test project gets it by
    /// referencing the function projects with <c>ReferenceOutputAssembly="false"</c>, so <c>dotnet test</c> builds them once.
    /// </summary>
    Existing,

    /// <summary><c>dotnet build</c> of each function project, once per process (later fixtures reuse the output).</summary>
    Project,

    /// <summary>
    /// The layer and function packages SAM deploys (<c>make build-&lt;LogicalId&gt;</c>), as
    /// <c>dotnet run --project tools/Products.Local</c> runs them; rebuilt only when sources changed.
    /// </summary>
    Packaged,
}
