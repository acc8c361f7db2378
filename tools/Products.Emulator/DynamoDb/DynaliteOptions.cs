namespace Products.Emulator.DynamoDb;

/// <summary>How to run dynalite.</summary>
/// <param name="RepositoryRoot">The folder holding Products.sln (dynalite is pinned in tools/dynamodb-local).</param>
/// <param name="Port">Port on 127.0.0.1; 0 picks a free one.</param>
/// <param name="DataPath">LevelDB folder that keeps tables across restarts; null keeps them in memory.</param>
public sealed record DynaliteOptions(string RepositoryRoot, int Port = 0, string? DataPath = null);
