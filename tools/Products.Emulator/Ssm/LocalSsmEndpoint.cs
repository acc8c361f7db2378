using Products.Emulator.Http;

namespace Products.Emulator.Ssm;

/// <summary>
/// A standalone SSM-compatible endpoint on 127.0.0.1 serving a <see cref="LocalParameterStore"/>. Point the SDK at
/// <see cref="ServiceUrl"/> (AWS_ENDPOINT_URL_SSM, or ServiceURL in tests).
/// </summary>
public sealed class LocalSsmEndpoint : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;

    private LocalSsmEndpoint(LoopbackHttpServer server)
    {
        _server = server;
    }

    /// <summary>Base URL, e.g. http://127.0.0.1:50123.</summary>
    public string ServiceUrl => _server.BaseAddress.ToString().TrimEnd('/');

    /// <summary>Starts listening on 127.0.0.1:<paramref name="port"/> (0 picks a free port).</summary>
    public static async Task<LocalSsmEndpoint> StartAsync(LocalParameterStore store, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var handler = new SsmRequestHandler(store);
        return new LocalSsmEndpoint(
            await LoopbackHttpServer.StartAsync(
                handler.HandleAsync, port, SsmRequestHandler.MaxRequestBytes, maxRequestLineBytes: null, cancellationToken).ConfigureAwait(false));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
