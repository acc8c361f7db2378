namespace Products.Lambda.Runtime;

/// <summary>
/// The <c>Lambda-Runtime-Function-Error-Type</c> a runtime sends when a SnapStart hook fails, as AWS's own .NET runtime
/// names them: a before-snapshot failure goes to <c>/runtime/init/error</c>, an after-restore failure to
/// <c>/runtime/restore/error</c> ("Using the Lambda runtime API for custom runtimes", section "Restore error").
/// </summary>
internal static class SnapStartErrorTypes
{
    public const string BeforeSnapshot = "Runtime.BeforeSnapshotError";

    public const string AfterRestore = "Runtime.AfterRestoreError";
}
