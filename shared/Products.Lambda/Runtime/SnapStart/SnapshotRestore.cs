namespace Products.Lambda.Runtime;

/// <summary>
/// Registers SnapStart runtime hooks for this process, shaped like <c>Amazon.Lambda.Core.SnapshotRestore</c> ("Lambda
/// SnapStart runtime hooks for .NET"): register during init, before the bootstrap's init function returns. Before-snapshot
/// hooks run in the reverse order of registration, after-restore hooks in the order of registration. Outside SnapStart
/// (on-demand or provisioned-concurrency initialization) they never run.
/// </summary>
public static class SnapshotRestore
{
    /// <summary>The process-wide hooks <see cref="LambdaBootstrapOptions.SnapshotHooks"/> uses by default.</summary>
    public static SnapshotHooks Hooks { get; } = new();

    /// <summary>Code to run before Lambda snapshots the initialized environment (e.g. priming the data path).</summary>
    public static void RegisterBeforeSnapshot(Func<ValueTask> beforeSnapshot) => Hooks.RegisterBeforeSnapshot(beforeSnapshot);

    /// <summary>Code to run when an environment resumes from the snapshot (e.g. renewing credentials and random state).</summary>
    public static void RegisterAfterRestore(Func<ValueTask> afterRestore) => Hooks.RegisterAfterRestore(afterRestore);
}
