namespace Products.Local;

/// <summary>
/// openapi.yaml for consumers of a deployed stage: the document as committed, with its <c>servers</c> list replaced by
/// the stage's base URL. The rest is copied byte for byte, so the export is the reviewed contract, not a re-serialization.
/// </summary>
internal static class OpenApiExport
{
    public const string FileName = "openapi.yaml";

    /// <summary>
    /// Null with a problem when <paramref name="text"/> is not an absolute http(s) URL a client can call: a host, no
    /// credentials, query or fragment (<c>https://{api-id}.execute-api.{region}.amazonaws.com/{stage}</c>).
    /// </summary>
    public static Uri? ParseBaseUrl(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "--base-url is required: the deployed stage's URL, e.g. https://abc123.execute-api.us-east-1.amazonaws.com/prod";
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.Host.Length == 0)
        {
            problem = $"--base-url '{text}' is not an absolute http(s) URL";
        }
        else if (url.UserInfo.Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0 || text.Contains('#', StringComparison.Ordinal))
        {
            problem = $"--base-url '{text}' must have no credentials, query or fragment: the operations' paths are appended to it";
        }
        else if (text.Contains('{', StringComparison.Ordinal) || text.Contains('}', StringComparison.Ordinal))
        {
            problem = $"--base-url '{text}' holds a placeholder: give the stage's real URL";
        }

        return problem is null ? url : null;
    }

    /// <summary>The document with one server, <paramref name="baseUrl"/> (without a trailing slash).</summary>
    /// <exception cref="InvalidOperationException">The document has no top-level <c>servers:</c> list to replace.</exception>
    public static string WithServer(string document, Uri baseUrl, string description)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(baseUrl);
        var lines = document.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd('\r') == "servers:");
        if (start < 0)
        {
            throw new InvalidOperationException("The OpenAPI document has no top-level 'servers:' list.");
        }

        // The list runs until the next top-level key (a line starting with neither a space nor a comment).
        var end = start + 1;
        while (end < lines.Length && (lines[end].Length == 0 || lines[end][0] is ' ' or '#' or '-' or '\r'))
        {
            end++;
        }

        var url = baseUrl.AbsoluteUri.TrimEnd('/');
        string[] server =
        [
            "servers:",
            $"  - url: {Quoted(url)}",
            $"    description: {Quoted(description)}",
        ];
        return string.Join('\n', lines[..start].Concat(server).Concat(lines[end..]));
    }

    // A YAML single-quoted scalar: only the quote itself needs escaping (doubled).
    private static string Quoted(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
