using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Products.Local.Ssm;

/// <summary>
/// A standalone SSM-compatible endpoint on 127.0.0.1 serving a <see cref="LocalParameterStore"/>. Point the SDK at
/// <see cref="ServiceUrl"/> (AWS_ENDPOINT_URL_SSM, or ServiceURL in tests).
/// </summary>
internal sealed class LocalSsmEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalSsmEndpoint(WebApplication app, string serviceUrl)
    {
        _app = app;
        ServiceUrl = serviceUrl;
    }

    /// <summary>Base URL, e.g. http://127.0.0.1:50123.</summary>
    public string ServiceUrl { get; }

    /// <summary>Starts listening on 127.0.0.1:<paramref name="port"/> (0 picks a free port).</summary>
    public static async Task<LocalSsmEndpoint> StartAsync(LocalParameterStore store, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Limits.MaxRequestBodySize = SsmRequestHandler.MaxRequestBytes;
        });

        var app = builder.Build();
        var handler = new SsmRequestHandler(store);
        app.Run(handler.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        return new LocalSsmEndpoint(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
