using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Products.Testing.OpenApi;

/// <summary>
/// openapi.yaml as a checker of real answers: which operation a request reaches, whether its status is declared, whether
/// the body validates against that status's schema and the declared required headers are present. OpenAPI 3.1 schemas
/// are JSON Schema 2020-12, so the whole document is registered as one JSON document and each response schema is
/// evaluated where it stands, its <c>#/components/schemas/…</c> references resolved inside the document.
/// </summary>
public sealed class OpenApiContract
{
    /// <summary>The name the document is registered under for reference resolution (never fetched).</summary>
    private static readonly Uri DocumentUri = new("https://products.invalid/openapi.json");

    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private static readonly Lazy<OpenApiContract> RepositoryDocument =
        new(() => Load(System.IO.Path.Combine(RepositoryRoot.Path, "openapi.yaml")));

    private readonly JsonDocument _document;
    private readonly BuildOptions _build;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private readonly Lock _building = new();
    private int _schemaCount;

    private OpenApiContract(JsonDocument document)
    {
        _document = document;
        var registry = new SchemaRegistry();
        registry.Register(DocumentUri, new JsonElementBaseDocument(document.RootElement, DocumentUri));
        // 2020-12 with unknown keywords allowed: OpenAPI adds "example", "discriminator" and "xml" to schemas.
        _build = new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012 };
        Operations = [.. ReadOperations(document.RootElement)];
    }

    /// <summary>The repository's openapi.yaml, loaded once per process.</summary>
    public static OpenApiContract Repository => RepositoryDocument.Value;

    /// <summary>The document as JSON.</summary>
    public JsonElement Root => _document.RootElement;

    public IReadOnlyList<OpenApiOperation> Operations { get; }

    public static OpenApiContract Load(string path) => Parse(File.ReadAllText(path));

    public static OpenApiContract Parse(string yaml)
    {
        var json = YamlToJson.Convert(yaml) ?? throw new InvalidOperationException("The OpenAPI document is empty.");
        return new OpenApiContract(JsonDocument.Parse(json.ToJsonString()));
    }

    /// <summary>The operation a request reaches, or null when the document has none for its method and path.</summary>
    public OpenApiOperation? FindOperation(string method, string rawPath) =>
        Operations.FirstOrDefault(o => string.Equals(o.Method, method, StringComparison.OrdinalIgnoreCase) && o.MatchesPath(rawPath));

    /// <summary>
    /// Problems of <paramref name="json"/> against the schema at <paramref name="schemaLocation"/>, a JSON pointer into the
    /// document such as <c>/components/schemas/Product</c>.
    /// </summary>
    public IReadOnlyList<string> ValidateJson(string schemaLocation, string json)
    {
        using var instance = JsonDocument.Parse(json);
        return Validate(schemaLocation, Element(schemaLocation), instance.RootElement);
    }

    /// <summary>
    /// What is wrong with <paramref name="response"/> by the document; empty when it conforms. Requests the document does
    /// not describe are held to what API Gateway answers for them: CORS preflights and the emulator's own
    /// <c>/_local/</c> pages are not checked; a method and path no operation has must get the gateway's 404 (or 413 for a
    /// body over its quota, checked before routing), or the function's 405 with <c>Allow</c> where a template routes
    /// it anyway (an ANY route).
    /// </summary>
    public IReadOnlyList<string> Check(ObservedResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsPreflight || response.RawPath.StartsWith("/_local/", StringComparison.Ordinal))
        {
            return [];
        }

        var operation = FindOperation(response.Method, response.RawPath);
        return operation is null ? CheckUnrouted(response) : CheckOperation(operation, response);
    }

    private List<string> CheckUnrouted(ObservedResponse response)
    {
        var problems = new List<string>();
        switch (response.Status)
        {
            case 404 or 413:
                CheckBody(response, "/components/schemas/GatewayError", "application/json", problems);
                break;
            case 405:
                if (!response.Headers.ContainsKey("Allow"))
                {
                    problems.Add("405 without an Allow header");
                }

                CheckBody(response, "/components/schemas/Error", "application/json", problems);
                break;
            default:
                problems.Add($"no operation of openapi.yaml has this method and path, and {response.Status} is not what API Gateway answers for such a request (404)");
                break;
        }

        return [.. problems.Select(p => $"{response} (no operation): {p}")];
    }

    private List<string> CheckOperation(OpenApiOperation operation, ObservedResponse response)
    {
        var problems = new List<string>();
        var responsesPointer = OperationPointer(operation) + "/responses";
        var statusPointer = $"{responsesPointer}/{response.Status}";
        if (!Element(responsesPointer).TryGetProperty(response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), out _))
        {
            problems.Add($"status {response.Status} is not declared (declared: {string.Join(", ", operation.Statuses)})");
        }
        else
        {
            var (declaredPointer, declared) = Resolve(statusPointer);
            CheckHeaders(declaredPointer, declared, response, problems);
            if (declared.TryGetProperty("content", out var content))
            {
                var mediaType = content.EnumerateObject().Select(p => p.Name).FirstOrDefault(m => string.Equals(m, response.MediaType, StringComparison.OrdinalIgnoreCase));
                if (mediaType is null)
                {
                    problems.Add($"Content-Type {response.MediaType ?? "(none)"} is not declared ({string.Join(", ", content.EnumerateObject().Select(p => p.Name))})");
                }
                else
                {
                    CheckBody(response, $"{declaredPointer}/content/{Escape(mediaType)}/schema", mediaType, problems);
                }
            }
            else if (!response.Body.IsEmpty)
            {
                problems.Add("a body where the document declares none");
            }
        }

        return [.. problems.Select(p => $"{operation.OperationId} {response}: {p}")];
    }

    private void CheckHeaders(string responsePointer, JsonElement declared, ObservedResponse response, List<string> problems)
    {
        if (!declared.TryGetProperty("headers", out var headers))
        {
            return;
        }

        foreach (var header in headers.EnumerateObject())
        {
            var (headerPointer, definition) = Resolve($"{responsePointer}/headers/{Escape(header.Name)}");
            var required = definition.TryGetProperty("required", out var flag) && flag.ValueKind == JsonValueKind.True;
            if (!response.Headers.TryGetValue(header.Name, out var values) || values.Count == 0)
            {
                if (required)
                {
                    problems.Add($"required header {header.Name} is missing");
                }

                continue;
            }

            if (definition.TryGetProperty("schema", out var schema))
            {
                foreach (var value in values)
                {
                    using var instance = JsonDocument.Parse(JsonValue.Create(value).ToJsonString());
                    problems.AddRange(Validate($"{headerPointer}/schema", schema, instance.RootElement).Select(p => $"header {header.Name} '{value}': {p}"));
                }
            }
        }
    }

    private void CheckBody(ObservedResponse response, string schemaPointer, string mediaType, List<string> problems)
    {
        if (!string.Equals(response.MediaType, mediaType, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Content-Type {response.MediaType ?? "(none)"}, not {mediaType}");
        }

        if (string.Equals(response.Method, "HEAD", StringComparison.OrdinalIgnoreCase))
        {
            return; // A HEAD answer has no body to check.
        }

        JsonDocument body;
        try
        {
            body = JsonDocument.Parse(response.Body);
        }
        catch (JsonException e)
        {
            problems.Add($"body is not JSON ({e.Message}): {Shorten(response.Body)}");
            return;
        }

        using (body)
        {
            problems.AddRange(Validate(schemaPointer, Element(schemaPointer), body.RootElement).Select(p => $"body {p}; body was {Shorten(response.Body)}"));
        }
    }

    private List<string> Validate(string pointer, JsonElement schemaElement, JsonElement instance)
    {
        var schema = _schemas.GetOrAdd(pointer, _ => Build(schemaElement));
        var results = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var problems = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"at '{d.InstanceLocation}' ({pointer}{d.EvaluationPath}): {e.Key}: {e.Value}"))
            .Take(5)
            .ToList();
        return problems.Count > 0 ? problems : [$"does not validate against {pointer}"];
    }

    // Each schema is built on its own base URI with its local references made absolute into the registered document, so
    // "#/components/schemas/X" means the document's component wherever the schema sits.
    private JsonSchema Build(JsonElement schemaElement)
    {
        var node = JsonNode.Parse(schemaElement.GetRawText())!;
        AbsoluteReferences(node);
        lock (_building)
        {
            var baseUri = new Uri($"https://products.invalid/schemas/{++_schemaCount}");
            using var text = JsonDocument.Parse(node.ToJsonString());
            return JsonSchema.Build(text.RootElement.Clone(), _build, baseUri);
        }
    }

    private static void AbsoluteReferences(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (name == "$ref" && value is JsonValue reference && reference.GetValue<string>() is { } target && target.StartsWith('#'))
                    {
                        obj[name] = DocumentUri + target;
                    }
                    else if (value is not null)
                    {
                        AbsoluteReferences(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        AbsoluteReferences(item);
                    }
                }

                break;
        }
    }

    /// <summary>
    /// The response or header at <paramref name="pointer"/>, following a Reference Object (<c>$ref</c> to
    /// <c>#/components/responses/…</c> or <c>#/components/headers/…</c>) to what it names.
    /// </summary>
    private (string Pointer, JsonElement Element) Resolve(string pointer)
    {
        var element = Element(pointer);
        for (var hops = 0;
             hops < 8 && element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference)
             && reference.GetString() is { } target && target.StartsWith("#/", StringComparison.Ordinal);
             hops++)
        {
            pointer = target[1..];
            element = Element(pointer);
        }

        return (pointer, element);
    }

    private JsonElement Element(string pointer)
    {
        var element = _document.RootElement;
        foreach (var token in pointer.Split('/').Skip(1))
        {
            var name = token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (!element.TryGetProperty(name, out element))
            {
                throw new InvalidOperationException($"openapi.yaml has nothing at {pointer}.");
            }
        }

        return element;
    }

    private static string OperationPointer(OpenApiOperation operation) =>
        $"/paths/{Escape(operation.Path)}/{operation.Method.ToLowerInvariant()}";

    private static string Escape(string name) =>
        name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static IEnumerable<OpenApiOperation> ReadOperations(JsonElement root)
    {
        if (!root.TryGetProperty("paths", out var paths))
        {
            yield break;
        }

        foreach (var path in paths.EnumerateObject())
        {
            foreach (var item in path.Value.EnumerateObject().Where(p => Methods.Contains(p.Name, StringComparer.Ordinal)))
            {
                var operation = item.Value;
                var statuses = operation.TryGetProperty("responses", out var responses)
                    ? responses.EnumerateObject().Select(r => int.TryParse(r.Name, out var status) ? status : 0).ToList()
                    : [];
                var scopes = operation.TryGetProperty("security", out var security)
                    ? security.EnumerateArray().SelectMany(r => r.EnumerateObject().SelectMany(s => s.Value.EnumerateArray().Select(v => v.GetString()!))).ToList()
                    : [];
                yield return new OpenApiOperation(
                    item.Name.ToUpperInvariant(),
                    path.Name,
                    operation.TryGetProperty("operationId", out var id) ? id.GetString()! : string.Empty,
                    statuses,
                    scopes);
            }
        }
    }

    private static string Shorten(ReadOnlyMemory<byte> body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body.Span);
        return text.Length <= 300 ? text : text[..300] + "…";
    }
}
