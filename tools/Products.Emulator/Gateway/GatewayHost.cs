using Products.Emulator.Http;

namespace Products.Emulator.Gateway;

/// <summary>
/// The HTTP API on 127.0.0.1. Port 0 picks a free port; <see cref="BaseAddress"/> tells which. Kestrel's own body size
/// limit is off: the gateway enforces the HTTP API quota and answers 413 itself. Kestrel's request-line limit is raised
/// from its 8 KB default to the HTTP API's 10,240 bytes, so a long path reaches the route and its function as on AWS.
/// </summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;

    private GatewayHost(LoopbackHttpServer server)
    {
        _server = server;
    }

    public Uri BaseAddress => _server.BaseAddress;

    public static async Task<GatewayHost> StartAsync(
        RouteTable routes, IFunctionInvoker invoker, GatewayOptions options, int port, CancellationToken cancellationToken)
    {
        var middleware = new GatewayMiddleware(routes, invoker, options);
        var server = await LoopbackHttpServer.StartAsync(
            middleware.InvokeAsync,
            port,
            maxRequestBodyBytes: null,
            GatewayLimits.MaxRequestLineAndHeaderBytes,
            cancellationToken).ConfigureAwait(false);
        return new GatewayHost(server);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
