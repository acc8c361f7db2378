using System.Diagnostics.CodeAnalysis;

namespace Products.Lambda.ApiGateway.Internal;

/// <summary>Maps a payload format 2.0 event to an <see cref="ApiRequest"/>.</summary>
internal static class HttpApiV2Mapper
{
    public static bool TryMap(
        HttpApiV2Event source,
        [NotNullWhen(true)] out ApiRequest? request,
        [NotNullWhen(false)] out string? problem)
    {
        request = null;
        var context = source.RequestContext;
        var method = context?.Http?.Method;
        if (string.IsNullOrEmpty(method))
        {
            problem = "The format 2.0 event has no requestContext.http.method.";
            return false;
        }

        var path = source.RawPath ?? context?.Http?.Path;
        if (string.IsNullOrEmpty(path))
        {
            problem = "The format 2.0 event has no rawPath.";
            return false;
        }

        if (!EventBody.TryDecode(source.Body, source.IsBase64Encoded, out var body, out problem))
        {
            return false;
        }

        var headers = new RequestHeaders(EventMaps.Pairs(source.Headers));
        request = new ApiRequest
        {
            Format = PayloadFormat.V2,
            Method = method,
            Path = path,
            RouteKey = source.RouteKey ?? method.ToUpperInvariant() + " " + path,
            PathParameters = EventMaps.PathParameters(source.PathParameters),
            Query = QueryFrom(source),
            Headers = headers,
            Cookies = source.Cookies is { } cookies
                ? cookies.OfType<string>().ToArray()
                : CookieHeader.Split(headers.GetAll("Cookie")),
            Body = body,
            RequestId = context?.RequestId,
            SourceIp = context?.Http?.SourceIp,
            UserAgent = context?.Http?.UserAgent ?? headers.Get("User-Agent"),
            Stage = context?.Stage,
            RequestTime = RequestTime.From(context?.TimeEpoch, context?.Time),
            Claims = AuthorizerClaimsReader.Claims(context?.Authorizer?.Jwt?.Claims ?? default),
            Scopes = AuthorizerClaimsReader.Scopes(context?.Authorizer?.Jwt?.Scopes ?? default),
        };
        return true;
    }

    private static QueryParameters QueryFrom(HttpApiV2Event source)
    {
        if (!string.IsNullOrEmpty(source.RawQueryString))
        {
            return new QueryParameters(QueryStringParser.Parse(source.RawQueryString));
        }

        // Without rawQueryString, comma-joined repeats cannot be told from values containing commas: keep each whole.
        return new QueryParameters(EventMaps.Pairs(source.QueryStringParameters));
    }
}
