using System.Collections.Concurrent;

namespace Products.Lambda.Tests.Runtime;

/// <summary>Real HTTP to the real server, remembering what the client sent: method, path and the headers we check.</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    public RecordingHandler()
        : base(new SocketsHttpHandler { UseProxy = false })
    {
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(new RecordedRequest(
            request.Method.Method,
            request.RequestUri!.AbsolutePath,
            request.Content?.Headers.ContentType?.MediaType,
            request.Headers.TryGetValues("Lambda-Runtime-Function-Error-Type", out var values)
                ? string.Join(",", values)
                : null));
        return base.SendAsync(request, cancellationToken);
    }
}
