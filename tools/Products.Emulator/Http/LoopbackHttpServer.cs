using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Products.Emulator.Http;

/// <summary>
/// Kestrel on 127.0.0.1 running one request delegate, built by hand: no host builder, configuration, logging or
/// console lifetime. The emulator runs many of these (one Runtime API per execution environment, the SSM endpoint, the
/// gateway), so each must start fast, print nothing and leave Ctrl+C to the emulator.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly KestrelServer _server;

    private LoopbackHttpServer(KestrelServer server, Uri baseAddress)
    {
        _server = server;
        BaseAddress = baseAddress;
    }

    /// <summary>e.g. http://127.0.0.1:50123/ (always with the trailing slash).</summary>
    public Uri BaseAddress { get; }

    /// <param name="handler">Serves every request.</param>
    /// <param name="port">0 picks a free port.</param>
    /// <param name="maxRequestBodyBytes">Kestrel's own cap; null when the handler enforces its own limit and answer.</param>
    /// <param name="maxRequestLineBytes">Longest request line accepted; null keeps Kestrel's 8 KB default.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<LoopbackHttpServer> StartAsync(
        RequestDelegate handler,
        int port,
        long? maxRequestBodyBytes,
        int? maxRequestLineBytes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        var kestrel = new KestrelServerOptions { AddServerHeader = false };
        kestrel.Limits.MaxRequestBodySize = maxRequestBodyBytes;
        if (maxRequestLineBytes is { } lineBytes)
        {
            kestrel.Limits.MaxRequestLineSize = lineBytes;
        }
        kestrel.Listen(IPAddress.Loopback, port);
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance);
        var server = new KestrelServer(Options.Create(kestrel), transport, NullLoggerFactory.Instance);
        try
        {
            await server.StartAsync(new Application(handler), cancellationToken).ConfigureAwait(false);
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel started without reporting its address.");
            return new LoopbackHttpServer(server, new Uri(address.EndsWith('/') ? address : address + "/"));
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

    private sealed class Application(RequestDelegate handler) : IHttpApplication<HttpContext>
    {
        public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

        public Task ProcessRequestAsync(HttpContext context) => handler(context);

        public void DisposeContext(HttpContext context, Exception? exception)
        {
            // Nothing pooled: each context is garbage once the request ends.
        }
    }
}
