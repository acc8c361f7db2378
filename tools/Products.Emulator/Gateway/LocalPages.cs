using System.Net;
using Microsoft.AspNetCore.Http;
using Products.Emulator.Auth;
using Products.Emulator.Docs;

namespace Products.Emulator.Gateway;

/// <summary>
/// The emulator's own pages under <c>/_local/</c>, a prefix reserved for them and never routed to a function: the
/// local issuer's OpenID Connect discovery document, JWKS and token endpoint, the OpenAPI document and the reference
/// page. Anything else under the prefix is 404 <c>{"message":"Not Found"}</c>.
/// </summary>
internal static class LocalPages
{
    public const string Prefix = "/_local/";

    public static bool IsReserved(string rawPath) => rawPath.StartsWith(Prefix, StringComparison.Ordinal);

    /// <param name="context">The request.</param>
    /// <param name="rawPath">Its path.</param>
    /// <param name="issuer">The local issuer, or null when the API trusts another one (then its pages do not exist).</param>
    /// <param name="reference">The OpenAPI document and reference page, or null when not served.</param>
    /// <param name="ct">The request's cancellation.</param>
    public static async Task<GatewayResponse> AnswerAsync(
        HttpContext context, string rawPath, LocalIssuer? issuer, ApiReference? reference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (issuer is not null && rawPath == IssuerPaths.Token)
        {
            return await LocalTokenEndpoint.AnswerAsync(context.Request, issuer, ct).ConfigureAwait(false);
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            return GatewayErrors.NotFound();
        }

        if (issuer is not null && rawPath == IssuerPaths.Discovery)
        {
            return Json(LocalIssuer.DiscoveryJson(OwnAddress(context)));
        }

        if (issuer is not null && rawPath == IssuerPaths.Jwks)
        {
            return Json(issuer.JwksJson());
        }

        if (reference is not null && await reference.AnswerAsync(rawPath, AddressAsReached(context), ct).ConfigureAwait(false) is { } page)
        {
            return page;
        }

        return GatewayErrors.NotFound();
    }

    // The address the request reached, not its Host header: a client cannot make the document point elsewhere.
    private static Uri OwnAddress(HttpContext context)
    {
        var address = context.Connection.LocalIpAddress ?? IPAddress.Loopback;
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return new UriBuilder(Uri.UriSchemeHttp, address.ToString(), context.Connection.LocalPort).Uri;
    }

    // The reference page calls the API from the browser: the server must be the page's own origin (http://localhost:3000
    // and http://127.0.0.1:3000 are different origins to CORS). The Host header's name is taken only when it is a
    // loopback name, with the port the request reached, so the document never points away from this machine.
    private static Uri AddressAsReached(HttpContext context)
    {
        var own = OwnAddress(context);
        var host = context.Request.Host.Host;
        var loopback = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
                       || (IPAddress.TryParse(host, out var named) && IPAddress.IsLoopback(named));
        return loopback ? new UriBuilder(own) { Host = host }.Uri : own;
    }

    private static GatewayResponse Json(byte[] body) =>
        new(200, [new("Content-Type", "application/json"), new("Cache-Control", "max-age=300")], body);
}
