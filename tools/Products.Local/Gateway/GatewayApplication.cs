using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Products.Local.Gateway;

/// <summary>Kestrel's application contract for the gateway: one <see cref="DefaultHttpContext"/> per request, handled by the middleware.</summary>
internal sealed class GatewayApplication(GatewayMiddleware middleware) : IHttpApplication<HttpContext>
{
    public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

    public Task ProcessRequestAsync(HttpContext context) => middleware.InvokeAsync(context);

    public void DisposeContext(HttpContext context, Exception? exception)
    {
        // Nothing pooled: each context is garbage once the request ends.
    }
}
