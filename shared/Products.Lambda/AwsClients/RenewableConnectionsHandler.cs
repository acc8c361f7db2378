namespace Products.Lambda.AwsClients;

/// <summary>
/// An HTTP transport whose connection pool can be thrown away and replaced. A SnapStart environment resumes with the
/// sockets of the snapshot, which every environment restored from it shares and none can use ("Handling uniqueness
/// with Lambda SnapStart", AWS Lambda Developer Guide): <see cref="Renew"/> after restore starts a fresh pool.
/// </summary>
/// <param name="createTransport">Builds one pool (a <see cref="SocketsHttpHandler"/>); called again on every renewal.</param>
internal sealed class RenewableConnectionsHandler(Func<HttpMessageHandler> createTransport) : HttpMessageHandler
{
    private HttpMessageInvoker _transport = new(createTransport(), disposeHandler: true);

    /// <summary>
    /// Replaces the pool and closes the old one's connections. Call it when no request is in flight (the after-restore
    /// hooks run before the first invocation): a request still on the old pool would fail.
    /// </summary>
    public void Renew()
    {
        var old = Interlocked.Exchange(ref _transport, new HttpMessageInvoker(createTransport(), disposeHandler: true));
        old.Dispose();
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Volatile.Read(ref _transport).SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _transport.Dispose();
        }

        base.Dispose(disposing);
    }
}
