using System.Text.Json;

namespace Products.Lambda.Logging;

/// <summary>
/// Writes an incoming event with secrets and personal data replaced by "[redacted]", so event logging can be switched on
/// in any stage. Knows the API Gateway proxy payloads (REST 1.0 and HTTP API 2.0, "Working with AWS Lambda proxy
/// integrations for HTTP APIs"): body, cookies, credential headers, client addresses, authorizer claims and caller
/// identity go; method, path, route, query and request ids stay. Anything that is not a JSON object is redacted whole.
/// </summary>
internal static class EventRedactor
{
    public const string Redacted = "[redacted]";

    private static readonly HashSet<string> SensitiveHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "x-amz-security-token",
        "x-forwarded-for",
    };

    public static void Write(JsonElement root, Utf8JsonWriter writer)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            writer.WriteStringValue(Redacted);
            return;
        }

        writer.WriteStartObject();
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "body" when property.Value.ValueKind != JsonValueKind.Null:
                case "cookies":
                    writer.WriteString(property.Name, Redacted);
                    break;
                case "headers" or "multiValueHeaders" when property.Value.ValueKind == JsonValueKind.Object:
                    WriteObject(property, writer, static name => SensitiveHeaders.Contains(name));
                    break;
                case "requestContext" when property.Value.ValueKind == JsonValueKind.Object:
                    WriteRequestContext(property, writer);
                    break;
                default:
                    property.WriteTo(writer);
                    break;
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteRequestContext(JsonProperty requestContext, Utf8JsonWriter writer)
    {
        writer.WriteStartObject(requestContext.Name);
        foreach (var property in requestContext.Value.EnumerateObject())
        {
            switch (property.Name)
            {
                // JWT claims, IAM caller, API key and source IP (REST "identity"; HTTP API "authorizer").
                case "authorizer" or "identity":
                    writer.WriteString(property.Name, Redacted);
                    break;
                case "http" when property.Value.ValueKind == JsonValueKind.Object:
                    WriteObject(property, writer, static name => name == "sourceIp");
                    break;
                default:
                    property.WriteTo(writer);
                    break;
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteObject(JsonProperty parent, Utf8JsonWriter writer, Func<string, bool> isSensitive)
    {
        writer.WriteStartObject(parent.Name);
        foreach (var property in parent.Value.EnumerateObject())
        {
            if (isSensitive(property.Name))
            {
                writer.WriteString(property.Name, Redacted);
            }
            else
            {
                property.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }
}
