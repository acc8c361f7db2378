using Products.Emulator.Gateway;
using Products.Emulator.Lambda;

namespace Products.Emulator.Hosting;

/// <summary>Connects the gateway to the Lambda pools: a pool's outcome becomes what API Gateway sees of an invocation.</summary>
internal sealed class LambdaFunctionInvoker(LambdaService lambda, Action<string> report) : IFunctionInvoker
{
    public async Task<InvokeResult> InvokeAsync(string functionLogicalId, ReadOnlyMemory<byte> eventJson, CancellationToken cancellationToken) =>
        await lambda.InvokeAsync(functionLogicalId, eventJson, cancellationToken) switch
        {
            PoolInvokeResult.Succeeded ok => new InvokeResult.Success(ok.Response, ok.ColdStart, ok.InitDuration),
            PoolInvokeResult.FunctionError error => new InvokeResult.FunctionError(error.ErrorType),
            PoolInvokeResult.Timeout => new InvokeResult.Timeout(),
            PoolInvokeResult.Throttled => new InvokeResult.Throttled(),
            PoolInvokeResult.ResponseTooLarge => new InvokeResult.ResponseTooLarge(),
            PoolInvokeResult.Crashed crashed => Crashed(functionLogicalId, crashed.Message),
            PoolInvokeResult.InitFailed failed => Crashed(functionLogicalId, failed.Message),
            var other => throw new InvalidOperationException($"Unexpected pool result {other.GetType().Name}"),
        };

    // The client only sees API Gateway's generic error; the developer sees why, here.
    private InvokeResult.Crashed Crashed(string function, string message)
    {
        report($"{function}: {message}");
        return new InvokeResult.Crashed();
    }
}
