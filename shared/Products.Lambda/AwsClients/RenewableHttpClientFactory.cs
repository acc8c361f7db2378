using System.Net;
using Amazon.Runtime;

namespace Products.Lambda.AwsClients;

/// <summary>
/// The HttpClients of the function's AWS SDK clients (ClientConfig.HttpClientFactory), over transports that
/// <see cref="RenewAll"/> replaces after a SnapStart restore. Mirrors what the SDK sets on its own clients: the
/// config's timeout, connect timeout, redirects, proxy and connection limit, no automatic decompression.
/// </summary>
internal sealed class RenewableHttpClientFactory : HttpClientFactory
{
    private readonly Lock _lock = new();
    private readonly List<RenewableConnectionsHandler> _handlers = [];

    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        ArgumentNullException.ThrowIfNull(clientConfig);
        var handler = new RenewableConnectionsHandler(() => CreateTransport(clientConfig));
        lock (_lock)
        {
            _handlers.Add(handler);
        }

        var client = new HttpClient(handler, disposeHandler: true);
        if (clientConfig.Timeout is { } timeout)
        {
            client.Timeout = timeout;
        }

        return client;
    }

    /// <summary>One HttpClient per SDK client, kept by the SDK for the client's lifetime (never per request).</summary>
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

    /// <summary>Starts a new connection pool under every HttpClient made so far.</summary>
    public void RenewAll()
    {
        lock (_lock)
        {
            foreach (var handler in _handlers)
            {
                handler.Renew();
            }
        }
    }

    private static SocketsHttpHandler CreateTransport(IClientConfig config)
    {
        var transport = new SocketsHttpHandler
        {
            AllowAutoRedirect = config.AllowAutoRedirect,
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (config.ConnectTimeout is { } connectTimeout)
        {
            transport.ConnectTimeout = connectTimeout;
        }

        if (config.MaxConnectionsPerServer is { } limit)
        {
            transport.MaxConnectionsPerServer = limit;
        }

        if (config.GetWebProxy() is { } proxy)
        {
            transport.Proxy = proxy;
        }

        return transport;
    }
}
