using System.Collections.Concurrent;
using System.Text;
using Products.Emulator.Gateway;

namespace Products.Emulator.Tests.Gateway;

/// <summary>Hand-written fake of our own seam: answers with a scripted result and keeps every event it received.</summary>
internal sealed class FakeFunctionInvoker(Func<string, ReadOnlyMemory<byte>, CancellationToken, Task<InvokeResult>> respond) : IFunctionInvoker
{
    public ConcurrentQueue<(string Function, string EventJson)> Calls { get; } = new();

    public static FakeFunctionInvoker Returning(InvokeResult result) => new((_, _, _) => Task.FromResult(result));

    public static FakeFunctionInvoker ReturningJson(string payload, bool coldStart = false, TimeSpan? init = null) =>
        Returning(new InvokeResult.Success(Encoding.UTF8.GetBytes(payload), coldStart, init));

    public Task<InvokeResult> InvokeAsync(string functionLogicalId, ReadOnlyMemory<byte> eventJson, CancellationToken cancellationToken)
    {
        Calls.Enqueue((functionLogicalId, Encoding.UTF8.GetString(eventJson.Span)));
        return respond(functionLogicalId, eventJson, cancellationToken);
    }
}
