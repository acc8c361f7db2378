using Products.Lambda.Runtime;

namespace Products.Lambda.Tests.Runtime;

public sealed class SnapshotHooksTests
{
    [Fact]
    public async Task BeforeSnapshotHooks_RunInReverseRegistrationOrder_OnlyOnce()
    {
        var hooks = new SnapshotHooks();
        var ran = new List<string>();
        hooks.RegisterBeforeSnapshot(() => Record(ran, "first"));
        hooks.RegisterBeforeSnapshot(() => Record(ran, "second"));
        hooks.RegisterBeforeSnapshot(() => Record(ran, "third"));

        await hooks.RunBeforeSnapshotAsync();
        await hooks.RunBeforeSnapshotAsync();

        Assert.Equal(["third", "second", "first"], ran);
    }

    [Fact]
    public async Task AfterRestoreHooks_RunInRegistrationOrder_OnlyOnce()
    {
        var hooks = new SnapshotHooks();
        var ran = new List<string>();
        hooks.RegisterAfterRestore(() => Record(ran, "first"));
        hooks.RegisterAfterRestore(() => Record(ran, "second"));
        hooks.RegisterAfterRestore(() => Record(ran, "third"));

        await hooks.RunAfterRestoreAsync();
        await hooks.RunAfterRestoreAsync();

        Assert.Equal(["first", "second", "third"], ran);
    }

    [Fact]
    public async Task AHookThatThrows_StopsTheRestAndSurfacesItsException()
    {
        var hooks = new SnapshotHooks();
        var ran = new List<string>();
        hooks.RegisterAfterRestore(() => Record(ran, "first"));
        hooks.RegisterAfterRestore(() => throw new InvalidOperationException("broken hook"));
        hooks.RegisterAfterRestore(() => Record(ran, "third"));

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => hooks.RunAfterRestoreAsync());

        Assert.Equal("broken hook", thrown.Message);
        Assert.Equal(["first"], ran);
    }

    [Fact]
    public void Register_NullHook_Throws()
    {
        var hooks = new SnapshotHooks();

        Assert.Throws<ArgumentNullException>(() => hooks.RegisterBeforeSnapshot(null!));
        Assert.Throws<ArgumentNullException>(() => hooks.RegisterAfterRestore(null!));
    }

    private static ValueTask Record(List<string> ran, string name)
    {
        ran.Add(name);
        return ValueTask.CompletedTask;
    }
}
