using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Products.Emulator.Gateway;

/// <summary>
/// Turns a function's result into the HTTP response, per "Working with AWS Lambda proxy integrations for HTTP APIs"
/// (section "Lambda function response format"). 2.0: an object with <c>statusCode</c> is a structured response
/// (<c>cookies</c> become one Set-Cookie header each, before any Set-Cookie in <c>headers</c>); any other valid JSON
/// is inferred as 200, <c>content-type: application/json</c>, body = the function's output (a JSON string's
/// content, otherwise the JSON text). 1.0: <c>statusCode</c> is required; <c>headers</c> and
/// <c>multiValueHeaders</c> merge, and where both give the same name and value only the multi-value one is kept
/// (the REST rule, "Set up Lambda proxy integrations in API Gateway"). Anything else is malformed: the caller answers
/// 502 with the body <c>{"message":"Internal Server Error"}</c>. A structured response without a content type gets
/// <c>text/plain; charset=utf-8</c>, as HTTP APIs send (and AWS's own Lambda Test Tool emulates).
/// </summary>
internal static class ApiResponseMapper
{
    public const string DefaultContentType = "text/plain; charset=utf-8";
    public const string JsonContentType = "application/json";

    // Framing is the server's job: the function's values would contradict the body actually sent.
    private static readonly HashSet<string> DroppedHeaders =
        new(["content-length", "transfer-encoding", "connection"], StringComparer.OrdinalIgnoreCase);

    public static bool TryMap(ReadOnlyMemory<byte> payload, PayloadFormat format, [NotNullWhen(true)] out GatewayResponse? response)
    {
        response = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            var structured = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("statusCode", out _);
            if (format == PayloadFormat.V2 && !structured)
            {
                var body = root.ValueKind == JsonValueKind.String
                    ? Encoding.UTF8.GetBytes(root.GetString()!)
                    : payload.ToArray();
                response = new GatewayResponse(200, [new("Content-Type", JsonContentType)], body);
                return true;
            }

            return structured && TryMapStructured(root, format, out response);
        }
    }

    private static bool TryMapStructured(JsonElement root, PayloadFormat format, [NotNullWhen(true)] out GatewayResponse? response)
    {
        response = null;
        if (!TryGetStatusCode(root.GetProperty("statusCode"), out var status))
        {
            return false;
        }

        var headers = new List<KeyValuePair<string, string>>();
        if (format == PayloadFormat.V2)
        {
            if (root.TryGetProperty("cookies", out var cookies) && cookies.ValueKind != JsonValueKind.Null)
            {
                if (cookies.ValueKind != JsonValueKind.Array)
                {
                    return false;
                }

                foreach (var cookie in cookies.EnumerateArray())
                {
                    if (cookie.ValueKind != JsonValueKind.String)
                    {
                        return false;
                    }

                    headers.Add(new("Set-Cookie", cookie.GetString()!));
                }
            }
        }
        else if (!TryAddMultiValueHeaders(root, headers))
        {
            return false;
        }

        if (!TryAddSingleValueHeaders(root, headers, skipPairsAlreadyPresent: format == PayloadFormat.V1))
        {
            return false;
        }

        if (!TryGetBody(root, out var body))
        {
            return false;
        }

        if (!headers.Exists(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            headers.Add(new("Content-Type", DefaultContentType));
        }

        response = new GatewayResponse(status, headers, body);
        return true;
    }

    private static bool TryGetStatusCode(JsonElement element, out int status)
    {
        status = 0;
        var parsed = element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt32(out status),
            JsonValueKind.String => int.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out status),
            _ => false,
        };
        return parsed && status is >= 100 and <= 599;
    }

    private static bool TryAddSingleValueHeaders(JsonElement root, List<KeyValuePair<string, string>> headers, bool skipPairsAlreadyPresent)
    {
        if (!root.TryGetProperty("headers", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!TryGetScalar(property.Value, out var value))
            {
                return false;
            }

            if (value is null || DroppedHeaders.Contains(property.Name))
            {
                continue;
            }

            var pair = new KeyValuePair<string, string>(property.Name, value);
            if (skipPairsAlreadyPresent && headers.Exists(h =>
                    string.Equals(h.Key, pair.Key, StringComparison.OrdinalIgnoreCase) && h.Value == pair.Value))
            {
                continue;
            }

            headers.Add(pair);
        }

        return true;
    }

    private static bool TryAddMultiValueHeaders(JsonElement root, List<KeyValuePair<string, string>> headers)
    {
        if (!root.TryGetProperty("multiValueHeaders", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            foreach (var item in property.Value.EnumerateArray())
            {
                if (!TryGetScalar(item, out var value))
                {
                    return false;
                }

                if (value is not null && !DroppedHeaders.Contains(property.Name))
                {
                    headers.Add(new(property.Name, value));
                }
            }
        }

        return true;
    }

    private static bool TryGetBody(JsonElement root, out byte[] body)
    {
        body = [];
        var isBase64 = false;
        if (root.TryGetProperty("isBase64Encoded", out var flag))
        {
            switch (flag.ValueKind)
            {
                case JsonValueKind.True:
                    isBase64 = true;
                    break;
                case JsonValueKind.False or JsonValueKind.Null:
                    break;
                default:
                    return false;
            }
        }

        if (!root.TryGetProperty("body", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = element.GetString()!;
        if (!isBase64)
        {
            body = Encoding.UTF8.GetBytes(text);
            return true;
        }

        var buffer = new byte[text.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
        {
            return false;
        }

        body = buffer[..written];
        return true;
    }

    /// <summary>Header values may be strings, numbers or booleans (written as their JSON text); null means "no header".</summary>
    private static bool TryGetScalar(JsonElement element, out string? value)
    {
        value = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                value = element.GetString();
                return true;
            case JsonValueKind.Number:
                value = element.GetRawText();
                return true;
            case JsonValueKind.True:
                value = "true";
                return true;
            case JsonValueKind.False:
                value = "false";
                return true;
            case JsonValueKind.Null:
                return true;
            default:
                return false;
        }
    }
}
