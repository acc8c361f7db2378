using System.Text.Json;
using Products.Emulator.Lambda;
using Products.Testing;

namespace Products.Emulator.Tests.Lambda;

public sealed class LambdaServiceTests : IDisposable
{
    private readonly NodeFunction _function = new();
    private readonly CapturedLines _sink = new();
    private readonly CancellationTokenSource _patience = new(TimeSpan.FromMinutes(2));

    public void Dispose()
    {
        _patience.Dispose();
        _function.Dispose();
    }

    [Fact]
    public async Task InvokeAsync_TwoFunctions_EachLogicalIdReachesItsOwnFunction()
    {
        var list = _function.Spec();
        var get = _function.Spec();
        await using var service = new LambdaService([list, get], Options());

        var listAnswer = Assert.IsType<PoolInvokeResult.Succeeded>(
            await service.InvokeAsync(list.LogicalId, Events.Echo(), _patience.Token));
        var getAnswer = Assert.IsType<PoolInvokeResult.Succeeded>(
            await service.InvokeAsync(get.LogicalId, Events.Echo(), _patience.Token));

        Assert.Equal(list.FunctionName, FunctionNameIn(listAnswer));
        Assert.Equal(get.FunctionName, FunctionNameIn(getAnswer));
        Assert.Equal(2, service.Pools.Count);
    }

    [Fact]
    public void Constructor_DuplicateLogicalId_Throws()
    {
        var spec = _function.Spec();

        var error = Assert.Throws<ArgumentException>(() => new LambdaService([spec, spec], Options()));

        Assert.Contains(spec.LogicalId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indexer_UnknownLogicalId_ThrowsNamingIt()
    {
        await using var service = new LambdaService([_function.Spec()], Options());

        var error = Assert.Throws<KeyNotFoundException>(() => service["Missing"]);

        Assert.Contains("Missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_AfterInvocations_StopsEveryFunctionProcess()
    {
        var first = _function.Spec();
        var second = _function.Spec();
        var service = new LambdaService([first, second], Options());
        await service.InvokeAsync(first.LogicalId, Events.Echo(), _patience.Token);
        await service.InvokeAsync(second.LogicalId, Events.Echo(), _patience.Token);
        var pids = _sink.AnnouncedPids();

        await service.DisposeAsync();

        Assert.Equal(2, pids.Count);
        Assert.All(pids, pid => Assert.False(OsProcess.IsRunning(pid)));
    }

    private static string? FunctionNameIn(PoolInvokeResult.Succeeded answer)
    {
        using var document = JsonDocument.Parse(answer.Response);
        return document.RootElement.GetProperty("env").GetProperty("AWS_LAMBDA_FUNCTION_NAME").GetString();
    }

    private FunctionPoolOptions Options() => new()
    {
        Environment = new ExecutionEnvironmentOptions { InitTimeout = TimeSpan.FromSeconds(60), LogSink = _sink },
    };
}
