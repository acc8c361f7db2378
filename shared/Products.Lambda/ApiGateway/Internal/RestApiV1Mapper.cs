using System.Diagnostics.CodeAnalysis;

namespace Products.Lambda.ApiGateway.Internal;

/// <summary>Maps a payload format 1.0 event to an <see cref="ApiRequest"/>.</summary>
internal static class RestApiV1Mapper
{
    public static bool TryMap(
        RestApiV1Event source,
        [NotNullWhen(true)] out ApiRequest? request,
        [NotNullWhen(false)] out string? problem)
    {
        request = null;
        if (string.IsNullOrEmpty(source.HttpMethod))
        {
            problem = "The format 1.0 event has an empty httpMethod.";
            return false;
        }

        if (string.IsNullOrEmpty(source.Path))
        {
            problem = "The format 1.0 event has no path.";
            return false;
        }

        if (!EventBody.TryDecode(source.Body, source.IsBase64Encoded, out var body, out problem))
        {
            return false;
        }

        var method = source.HttpMethod.ToUpperInvariant();
        var headers = new RequestHeaders(HeaderPairs(source));
        var context = source.RequestContext;
        request = new ApiRequest
        {
            Format = PayloadFormat.V1,
            Method = method,
            Path = source.Path,
            RouteKey = method + " " + (source.Resource ?? source.Path),
            PathParameters = EventMaps.PathParameters(source.PathParameters),
            Query = new QueryParameters(
                source.MultiValueQueryStringParameters is not null
                    ? EventMaps.Pairs(source.MultiValueQueryStringParameters)
                    : EventMaps.Pairs(source.QueryStringParameters)),
            Headers = headers,
            Cookies = CookieHeader.Split(headers.GetAll("Cookie")),
            Body = body,
            RequestId = context?.RequestId,
            SourceIp = context?.Identity?.SourceIp,
            UserAgent = context?.Identity?.UserAgent ?? headers.Get("User-Agent"),
            Stage = context?.Stage,
            RequestTime = RequestTime.From(context?.RequestTimeEpoch, context?.RequestTime),
            Claims = AuthorizerClaimsReader.Claims(context?.Authorizer?.Claims ?? default),
            Scopes = AuthorizerClaimsReader.Scopes(context?.Authorizer?.Scopes ?? default),
        };
        return true;
    }

    // "If the same key-value pair is specified in both, only the values from multiValueHeaders will appear": a name
    // in multiValueHeaders wins over the same name (in any case) in headers.
    private static IEnumerable<KeyValuePair<string, string>> HeaderPairs(RestApiV1Event source)
    {
        var multi = EventMaps.Pairs(source.MultiValueHeaders).ToList();
        var multiNames = new HashSet<string>(multi.Select(pair => pair.Key), StringComparer.OrdinalIgnoreCase);
        return multi.Concat(EventMaps.Pairs(source.Headers).Where(pair => !multiNames.Contains(pair.Key)));
    }
}
