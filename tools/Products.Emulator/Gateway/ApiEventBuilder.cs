using Products.Emulator.Auth;
using Products.Emulator.Lambda;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Products.Emulator.Gateway;

/// <summary>
/// Builds the Lambda event for a request, in payload format 2.0 or 1.0, as "Working with AWS Lambda proxy
/// integrations for HTTP APIs" shows them. 2.0: header names lower-cased, duplicate headers and query parameters
/// joined with commas, Cookie headers moved to <c>cookies</c> (split at <c>;</c>), optional members omitted when
/// empty. 1.0: the REST-shaped event with single- (last value) and multi-value headers and query parameters, and
/// explicit nulls. Public API: <see cref="Build(ApiEventRequest)"/>, so that whoever invokes a function directly sends
/// the very event the gateway would.
/// </summary>
public static class ApiEventBuilder
{
    private const string TimeFormat = "dd/MMM/yyyy:HH:mm:ss +0000";

    /// <summary>
    /// The event the local gateway sends for <paramref name="request"/> on the route its route key names, with the
    /// gateway's defaults for what the client does not send: stage <c>$default</c>, API id <c>local</c>, domain
    /// <c>localhost</c>, source 127.0.0.1, a trace id, the time now.
    /// </summary>
    /// <exception cref="ArgumentException">The route key is malformed or its path does not match the request's path.</exception>
    public static byte[] Build(ApiEventRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var space = request.RouteKey.IndexOf(' ', StringComparison.Ordinal);
        var route = space < 0
            ? new RouteDefinition("ANY", request.RouteKey, "function", request.Format)
            : new RouteDefinition(request.RouteKey[..space], request.RouteKey[(space + 1)..], "function", request.Format);
        var match = new RouteTable([route]).Match(request.Method, request.RawPath) is { } found && found.Route == route
            ? found
            : throw new ArgumentException($"Route '{request.RouteKey}' does not match {request.Method} {request.RawPath}.", nameof(request));

        var headers = request.Headers
            .GroupBy(header => header.Key.ToLowerInvariant())
            .Select(group => new KeyValuePair<string, IReadOnlyList<string>>(group.Key, [.. group.Select(header => header.Value)]))
            .ToList();
        var body = request.Body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(request.Body);
        var apiRequest = new ApiRequest(request.Method, request.RawPath, request.RawQueryString, headers, "127.0.0.1", "HTTP/1.1", body);
        var now = DateTimeOffset.UtcNow;
        var defaults = new GatewayOptions();
        var context = new ApiEventContext(
            defaults.Stage, request.RequestId ?? RequestIds.NewRequestId(), now, defaults.ApiId, LambdaIdentifiers.AccountId, "localhost", RequestIds.NewTraceId(now))
        {
            Authorizer = request.Claims is null ? null : new AuthorizationResult.Allowed([.. request.Claims], request.Scopes),
        };
        return Build(apiRequest, match, context, request.IsBase64Encoded);
    }

    internal static byte[] Build(ApiRequest request, RouteMatch match, ApiEventContext context, bool? base64Body = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        return match.Route.Format == PayloadFormat.V1 ? BuildV1(request, match, context, base64Body) : BuildV2(request, match, context, base64Body);
    }

    internal static byte[] BuildV2(ApiRequest request, RouteMatch match, ApiEventContext context, bool? base64Body = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(context);
        var buffer = new ArrayBufferWriter<byte>(1024 + request.Body.Length * 2);
        using (var json = new Utf8JsonWriter(buffer))
        {
            var path = RequestPath.DecodeForEvent(request.RawPath);
            var routeKey = match.Route.RouteKey;
            json.WriteStartObject();
            json.WriteString("version", "2.0");
            json.WriteString("routeKey", routeKey);
            json.WriteString("rawPath", path);
            json.WriteString("rawQueryString", request.RawQueryString);

            var cookies = request.HeaderValues("cookie")
                .SelectMany(v => v.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .ToArray();
            if (cookies.Length > 0)
            {
                json.WriteStartArray("cookies");
                foreach (var cookie in cookies)
                {
                    json.WriteStringValue(cookie);
                }

                json.WriteEndArray();
            }

            json.WriteStartObject("headers");
            foreach (var (name, values) in WithTraceId(request, context))
            {
                if (name != "cookie")
                {
                    json.WriteString(name, string.Join(',', values));
                }
            }

            json.WriteEndObject();

            var query = QueryParameters.Parse(request.RawQueryString);
            if (query.Count > 0)
            {
                json.WriteStartObject("queryStringParameters");
                foreach (var (name, values) in query)
                {
                    json.WriteString(name, string.Join(',', values));
                }

                json.WriteEndObject();
            }

            json.WriteStartObject("requestContext");
            json.WriteString("accountId", context.AccountId);
            json.WriteString("apiId", context.ApiId);
            if (context.Authorizer is { } authorizer)
            {
                // JWT authorizer output, payload 2.0: requestContext.authorizer.jwt.{claims, scopes}.
                json.WriteStartObject("authorizer");
                json.WriteStartObject("jwt");
                WriteAuthorizer(json, authorizer);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteString("domainName", context.DomainName);
            json.WriteString("domainPrefix", DomainPrefix(context.DomainName));
            json.WriteStartObject("http");
            json.WriteString("method", request.Method);
            json.WriteString("path", path);
            json.WriteString("protocol", request.Protocol);
            json.WriteString("sourceIp", request.SourceIp);
            json.WriteString("userAgent", request.Header("user-agent") ?? string.Empty);
            json.WriteEndObject();
            json.WriteString("requestId", context.RequestId);
            json.WriteString("routeKey", routeKey);
            json.WriteString("stage", context.Stage);
            json.WriteString("time", context.Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
            json.WriteNumber("timeEpoch", context.Time.ToUnixTimeMilliseconds());
            json.WriteEndObject();

            if (match.PathParameters.Count > 0)
            {
                json.WriteStartObject("pathParameters");
                foreach (var (name, value) in match.PathParameters)
                {
                    json.WriteString(name, value);
                }

                json.WriteEndObject();
            }

            var (body, isBase64) = EncodeBody(request, base64Body);
            if (body is not null)
            {
                json.WriteString("body", body);
            }

            json.WriteBoolean("isBase64Encoded", isBase64);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    internal static byte[] BuildV1(ApiRequest request, RouteMatch match, ApiEventContext context, bool? base64Body = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(context);
        var buffer = new ArrayBufferWriter<byte>(1024 + request.Body.Length * 2);
        using (var json = new Utf8JsonWriter(buffer))
        {
            var path = RequestPath.DecodeForEvent(request.RawPath);
            var resource = match.Route.IsDefault ? path : match.Route.PathTemplate;
            var headers = WithTraceId(request, context).ToArray();
            var query = QueryParameters.Parse(request.RawQueryString);

            json.WriteStartObject();
            json.WriteString("version", "1.0");
            json.WriteString("resource", resource);
            json.WriteString("path", path);
            json.WriteString("httpMethod", request.Method);

            json.WriteStartObject("headers");
            foreach (var (name, values) in headers)
            {
                json.WriteString(name, values.Count == 0 ? string.Empty : values[^1]);
            }

            json.WriteEndObject();
            json.WriteStartObject("multiValueHeaders");
            foreach (var (name, values) in headers)
            {
                WriteArray(json, name, values);
            }

            json.WriteEndObject();

            if (query.Count == 0)
            {
                json.WriteNull("queryStringParameters");
                json.WriteNull("multiValueQueryStringParameters");
            }
            else
            {
                json.WriteStartObject("queryStringParameters");
                foreach (var (name, values) in query)
                {
                    json.WriteString(name, values[^1]);
                }

                json.WriteEndObject();
                json.WriteStartObject("multiValueQueryStringParameters");
                foreach (var (name, values) in query)
                {
                    WriteArray(json, name, values);
                }

                json.WriteEndObject();
            }

            json.WriteStartObject("requestContext");
            json.WriteString("accountId", context.AccountId);
            json.WriteString("apiId", context.ApiId);
            if (context.Authorizer is { } authorizer)
            {
                // JWT authorizer output, payload 1.0: claims and scopes directly under requestContext.authorizer.
                json.WriteStartObject("authorizer");
                WriteAuthorizer(json, authorizer);
                json.WriteEndObject();
            }

            json.WriteString("domainName", context.DomainName);
            json.WriteString("domainPrefix", DomainPrefix(context.DomainName));
            json.WriteString("extendedRequestId", context.RequestId);
            json.WriteString("httpMethod", request.Method);
            json.WriteStartObject("identity");
            foreach (var name in (string[])["accessKey", "accountId", "caller", "cognitoAuthenticationProvider",
                         "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId"])
            {
                json.WriteNull(name);
            }

            json.WriteString("sourceIp", request.SourceIp);
            json.WriteNull("user");
            json.WriteString("userAgent", request.Header("user-agent") ?? string.Empty);
            json.WriteNull("userArn");
            json.WriteEndObject();
            json.WriteString("path", path);
            json.WriteString("protocol", request.Protocol);
            json.WriteString("requestId", context.RequestId);
            json.WriteString("requestTime", context.Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
            json.WriteNumber("requestTimeEpoch", context.Time.ToUnixTimeMilliseconds());
            json.WriteNull("resourceId");
            json.WriteString("resourcePath", resource);
            json.WriteString("stage", context.Stage);
            json.WriteEndObject();

            if (match.PathParameters.Count == 0)
            {
                json.WriteNull("pathParameters");
            }
            else
            {
                json.WriteStartObject("pathParameters");
                foreach (var (name, value) in match.PathParameters)
                {
                    json.WriteString(name, value);
                }

                json.WriteEndObject();
            }

            json.WriteNull("stageVariables");
            var (body, isBase64) = EncodeBody(request, base64Body);
            if (body is null)
            {
                json.WriteNull("body");
            }
            else
            {
                json.WriteString("body", body);
            }

            json.WriteBoolean("isBase64Encoded", isBase64);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> WithTraceId(ApiRequest request, ApiEventContext context)
    {
        var hasTrace = false;
        foreach (var header in request.Headers)
        {
            hasTrace |= header.Key == "x-amzn-trace-id";
            yield return header;
        }

        if (!hasTrace)
        {
            yield return new("x-amzn-trace-id", [context.TraceId]);
        }
    }

    private static (string? Body, bool IsBase64) EncodeBody(ApiRequest request, bool? base64Body)
    {
        if (request.Body.IsEmpty)
        {
            return (null, false);
        }

        return base64Body is { } forced ? (forced ? Convert.ToBase64String(request.Body.Span) : Encoding.UTF8.GetString(request.Body.Span), forced)
            : RequestBodyEncoding.IsText(request.Header("content-type"))
            ? (Encoding.UTF8.GetString(request.Body.Span), false)
            : (Convert.ToBase64String(request.Body.Span), true);
    }

    private static void WriteAuthorizer(Utf8JsonWriter json, AuthorizationResult.Allowed authorizer)
    {
        json.WriteStartObject("claims");
        foreach (var (name, value) in authorizer.Claims)
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
        if (authorizer.Scopes is { } scopes)
        {
            WriteArray(json, "scopes", scopes);
        }
        else
        {
            json.WriteNull("scopes");
        }
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string DomainPrefix(string domainName)
    {
        var dot = domainName.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? domainName : domainName[..dot];
    }
}
