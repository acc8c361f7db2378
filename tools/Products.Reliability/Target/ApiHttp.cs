namespace Products.Reliability.Target;

/// <summary>The suites' HTTP client: many connections (an open-model load must not queue on the client side).</summary>
internal static class ApiHttp
{
    /// <summary>Past API Gateway's 30-second integration timeout: a request still open then is a hang.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(35);

    public static HttpClient CreateClient(Uri baseAddress) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1024,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        UseCookies = false,
        AllowAutoRedirect = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = RequestTimeout,
    };
}
