using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Products.Lambda.ApiGateway.Internal;

namespace Products.Lambda.ApiGateway;

/// <summary>
/// Reads API Gateway Lambda proxy events, payload formats 1.0 and 2.0, as documented in the Amazon API Gateway
/// Developer Guide ("Create AWS Lambda proxy integrations for HTTP APIs in API Gateway" and "Set up Lambda proxy
/// integrations in API Gateway").
/// </summary>
public static class ApiGatewayEvent
{
    /// <summary>
    /// Parses an event. Format 2.0 when it has <c>"version": "2.0"</c>; format 1.0 when it has <c>httpMethod</c>
    /// (with version "1.0" or none). Anything else, malformed JSON, or a body flagged base64 that is not, gives false
    /// and a <paramref name="problem"/> fit for a log line (it never echoes the event's content).
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8Json,
        [NotNullWhen(true)] out ApiRequest? request,
        [NotNullWhen(false)] out string? problem)
    {
        request = null;
        if (!PayloadFormatProbe.TryDetect(utf8Json, out var format, out problem))
        {
            return false;
        }

        try
        {
            return format == PayloadFormat.V2
                ? HttpApiV2Mapper.TryMap(
                    JsonSerializer.Deserialize(utf8Json, ApiGatewayJsonContext.Default.HttpApiV2Event)!,
                    out request,
                    out problem)
                : RestApiV1Mapper.TryMap(
                    JsonSerializer.Deserialize(utf8Json, ApiGatewayJsonContext.Default.RestApiV1Event)!,
                    out request,
                    out problem);
        }
        catch (JsonException exception)
        {
            var version = format == PayloadFormat.V2 ? "2.0" : "1.0";
            problem = $"The event does not match payload format {version} at {exception.Path ?? "$"}.";
            return false;
        }
    }
}
