using System.Net.Http.Headers;

namespace Products.Emulator.Tests.RuntimeApi;

/// <summary>Plays the function: raw HTTP calls to a Runtime API server, as any runtime would make them.</summary>
internal sealed class FunctionSide : IDisposable
{
    private readonly HttpClient _http;

    public FunctionSide(string endpoint)
    {
        _http = new HttpClient
        {
            BaseAddress = new Uri($"http://{endpoint}/2018-06-01/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public Task<HttpResponseMessage> NextAsync(CancellationToken cancellationToken) =>
        _http.GetAsync("runtime/invocation/next", cancellationToken);

    public Task<HttpResponseMessage> RespondAsync(string requestId, byte[] body, CancellationToken cancellationToken) =>
        _http.PostAsync($"runtime/invocation/{requestId}/response", new ByteArrayContent(body), cancellationToken);

    public Task<HttpResponseMessage> FailAsync(
        string requestId, string? errorTypeHeader, string body, CancellationToken cancellationToken) =>
        PostErrorAsync($"runtime/invocation/{requestId}/error", errorTypeHeader, body, cancellationToken);

    public Task<HttpResponseMessage> InitErrorAsync(
        string? errorTypeHeader, string body, CancellationToken cancellationToken) =>
        PostErrorAsync("runtime/init/error", errorTypeHeader, body, cancellationToken);

    public void Dispose() => _http.Dispose();

    private Task<HttpResponseMessage> PostErrorAsync(
        string path, string? errorTypeHeader, string body, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.aws.lambda.error+json");
        if (errorTypeHeader is not null)
        {
            request.Headers.Add("Lambda-Runtime-Function-Error-Type", errorTypeHeader);
        }

        return _http.SendAsync(request, cancellationToken);
    }
}
