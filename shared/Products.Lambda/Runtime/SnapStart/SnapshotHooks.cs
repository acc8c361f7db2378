using System.Collections.Concurrent;

namespace Products.Lambda.Runtime;

/// <summary>
/// The before-snapshot and after-restore hooks of one runtime, in the order AWS documents for .NET ("Lambda SnapStart
/// runtime hooks for .NET"): before-snapshot hooks run in the reverse order of their registration, after-restore hooks
/// in the order of their registration. <see cref="SnapshotRestore"/> is the process-wide instance functions register
/// with; <see cref="LambdaBootstrap"/> runs them only when Lambda initializes the environment for SnapStart.
/// </summary>
public sealed class SnapshotHooks
{
    private readonly ConcurrentStack<Func<ValueTask>> _beforeSnapshot = new();
    private readonly ConcurrentQueue<Func<ValueTask>> _afterRestore = new();

    /// <summary>Adds code to run before Lambda takes the snapshot: priming, closing what must not be snapshotted.</summary>
    public void RegisterBeforeSnapshot(Func<ValueTask> beforeSnapshot)
    {
        ArgumentNullException.ThrowIfNull(beforeSnapshot);
        _beforeSnapshot.Push(beforeSnapshot);
    }

    /// <summary>Adds code to run after Lambda restored the snapshot: renewing what restored environments must not share.</summary>
    public void RegisterAfterRestore(Func<ValueTask> afterRestore)
    {
        ArgumentNullException.ThrowIfNull(afterRestore);
        _afterRestore.Enqueue(afterRestore);
    }

    /// <summary>Runs (and removes) the before-snapshot hooks, last registered first; stops at the first that throws.</summary>
    internal async Task RunBeforeSnapshotAsync()
    {
        while (_beforeSnapshot.TryPop(out var hook))
        {
            await hook();
        }
    }

    /// <summary>Runs (and removes) the after-restore hooks, first registered first; stops at the first that throws.</summary>
    internal async Task RunAfterRestoreAsync()
    {
        while (_afterRestore.TryDequeue(out var hook))
        {
            await hook();
        }
    }
}
