using System.Net;
using Microsoft.AspNetCore.Http;
using Products.Emulator.Auth;

namespace Products.Emulator.Gateway;

/// <summary>
/// The emulator's own pages under <c>/_local/</c>, a prefix reserved for them and never routed to a function: the local
/// issuer's OpenID Connect discovery document and JWKS. Anything else under the prefix is 404.
/// </summary>
internal static class LocalPages
{
    public const string Prefix = "/_local/";

    public static bool IsReserved(string rawPath) => rawPath.StartsWith(Prefix, StringComparison.Ordinal);

    /// <param name="issuer">The local issuer, or null when the API trusts another one (then its pages do not exist).</param>
    public static GatewayResponse Answer(HttpContext context, string rawPath, LocalIssuer? issuer)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (issuer is null || !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            return GatewayErrors.NotFound();
        }

        return rawPath switch
        {
            IssuerPaths.Discovery => Json(LocalIssuer.DiscoveryJson(OwnAddress(context))),
            IssuerPaths.Jwks => Json(issuer.JwksJson()),
            _ => GatewayErrors.NotFound(),
        };
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

    private static GatewayResponse Json(byte[] body) =>
        new(200, [new("Content-Type", "application/json"), new("Cache-Control", "max-age=300")], body);
}
