using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Products.Emulator.Gateway;

/// <summary>
/// An HTTP request as the gateway sees it before building an event: path and query exactly as received
/// (percent-encoded), header names lower-cased in arrival order with every value kept, and the body already read.
/// </summary>
internal sealed record ApiRequest(
    string Method,
    string RawPath,
    string RawQueryString,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Headers,
    string SourceIp,
    string Protocol,
    ReadOnlyMemory<byte> Body)
{
    /// <summary>All values of a header, in arrival order; empty when absent.</summary>
    public IReadOnlyList<string> HeaderValues(string name)
    {
        foreach (var (key, values) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return values;
            }
        }

        return [];
    }

    /// <summary>The values of a header joined with commas (how HTTP folds repeated fields), or null when absent.</summary>
    public string? Header(string name)
    {
        var values = HeaderValues(name);
        return values.Count == 0 ? null : string.Join(',', values);
    }

    /// <summary>
    /// Reads what the gateway needs from Kestrel's request. Like API Gateway it adds <c>x-forwarded-for</c> (the
    /// caller's address, appended to any value the client sent), <c>x-forwarded-port</c> and
    /// <c>x-forwarded-proto</c>.
    /// </summary>
    public static ApiRequest FromHttpContext(HttpContext context, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var (rawPath, rawQuery) = SplitTarget(context);

        var address = context.Connection.RemoteIpAddress;
        if (address is { IsIPv4MappedToIPv6: true })
        {
            address = address.MapToIPv4();
        }

        var sourceIp = address?.ToString() ?? "127.0.0.1";
        var headers = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var (name, values) in request.Headers)
        {
            var lower = name.ToLowerInvariant();
            if (lower is "x-forwarded-port" or "x-forwarded-proto")
            {
                continue;
            }

            IReadOnlyList<string> list = values.Where(v => v is not null).Select(v => v!).ToArray();
            if (lower == "x-forwarded-for")
            {
                list = [string.Join(", ", list.Append(sourceIp))];
            }

            headers.Add(new(lower, list));
        }

        if (!headers.Exists(h => h.Key == "x-forwarded-for"))
        {
            headers.Add(new("x-forwarded-for", [sourceIp]));
        }

        headers.Add(new("x-forwarded-port", [context.Connection.LocalPort.ToString(CultureInfo.InvariantCulture)]));
        headers.Add(new("x-forwarded-proto", [request.Scheme]));

        var protocol = string.IsNullOrEmpty(request.Protocol) ? "HTTP/1.1" : request.Protocol;
        return new ApiRequest(request.Method, rawPath, rawQuery, headers, sourceIp, protocol, body);
    }

    private static (string Path, string Query) SplitTarget(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
        {
            var request = context.Request;
            var query = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
            return ((request.PathBase + request.Path).ToUriComponent(), query);
        }

        // Absolute-form targets (proxies) carry scheme and authority; routing only needs the path.
        if (!target.StartsWith('/') && Uri.TryCreate(target, UriKind.Absolute, out var absolute))
        {
            target = absolute.PathAndQuery;
        }

        var question = target.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? (target, string.Empty) : (target[..question], target[(question + 1)..]);
    }
}
