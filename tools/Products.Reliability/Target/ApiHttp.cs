namespace Products.Reliability.Target;

/// <summary>The suites' HTTP client: many connections (an open-model load must not queue on the client side).</summary>
internal static class ApiHttp
{
    /// <summary>Past API Gateway's 30-second integration timeout: a request still open then is a hang.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(35);

    /// <param name="wrapHandler">Wraps the connection handler (a test checks every answer this way), or null.</param>
    public static HttpClient CreateClient(Uri baseAddress, Func<HttpMessageHandler, HttpMessageHandler>? wrapHandler = null)
    {
        HttpMessageHandler handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1024,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            UseCookies = false,
            AllowAutoRedirect = false,
            // Non-ASCII header values (the hostile Idempotency-Keys) go out as UTF-8 bytes, as a careless client sends them.
            RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8,
        };
        return new HttpClient(wrapHandler is null ? handler : wrapHandler(handler))
        {
            BaseAddress = baseAddress,
            Timeout = RequestTimeout,
        };
    }
}
