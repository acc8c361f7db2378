using System.Net;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Products.Local.Gateway;

/// <summary>
/// Kestrel serving one HTTP API on 127.0.0.1, built by hand (no host builder or service container): the gateway
/// only needs a socket transport and its middleware. Port 0 picks a free port; <see cref="BaseAddress"/> tells
/// which. Kestrel's own body size limit is off: the gateway enforces the HTTP API quota and answers 413 itself.
/// </summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    private readonly KestrelServer _server;

    private GatewayHost(KestrelServer server, Uri baseAddress)
    {
        _server = server;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<GatewayHost> StartAsync(
        RouteTable routes, IFunctionInvoker invoker, GatewayOptions options, int port, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        var middleware = new GatewayMiddleware(routes, invoker, options);

        var kestrel = new KestrelServerOptions { AddServerHeader = false };
        kestrel.Limits.MaxRequestBodySize = null;
        kestrel.Listen(IPAddress.Loopback, port);
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance);
        var server = new KestrelServer(Options.Create(kestrel), transport, NullLoggerFactory.Instance);
        try
        {
            await server.StartAsync(new GatewayApplication(middleware), cancellationToken).ConfigureAwait(false);
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel started without reporting its address.");
            return new GatewayHost(server, new Uri(address.EndsWith('/') ? address : address + "/"));
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _server.StopAsync(stopping.Token).ConfigureAwait(false);
        _server.Dispose();
    }
}
