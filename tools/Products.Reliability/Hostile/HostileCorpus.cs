using System.Buffers.Text;
using System.Text;
using Products.Data;
using Products.Emulator.Auth;

namespace Products.Reliability.Hostile;

/// <summary>
/// The hostile-input corpus of issue 7: every kind of bad request a client (or attacker) can send to the three routes.
/// Each must be refused with a 4xx JSON error naming the problem; none may create anything.
/// </summary>
public static class HostileCorpus
{
    private const string Json = "application/json";
    private static readonly int[] BadRequest = [400];
    private static readonly int[] TooLarge = [413];
    private static readonly int[] Unsupported = [415];
    private static readonly int[] NoRoute = [404];

    /// <param name="issuer">The hosted API's local issuer: with it, the hostile tokens include forgeries of its tokens.</param>
    public static IReadOnlyList<HostileRequest> All(LocalIssuer? issuer = null) =>
    [
        .. InvalidJson(), .. WrongTypes(), .. Nulls(), .. Numbers(), .. Nesting(), .. DuplicateKeys(), .. Oversized(),
        .. InvalidUtf8(), .. ControlCharacters(), .. Base64Bodies(), .. ContentTypes(), .. UnknownFields(), .. Paths(),
        .. Methods(), .. Limits(), .. Tokens(), .. IdempotencyKeys(), .. HostileTokens.All(issuer),
    ];

    private static HostileRequest Post(string category, string description, string body, string[] names, string? contentType = Json) =>
        new(category, description, HttpMethod.Post, "/products", Encoding.UTF8.GetBytes(body), contentType, BadRequest, names);

    private static HostileRequest PostBytes(string category, string description, byte[] body, string[] names) =>
        new(category, description, HttpMethod.Post, "/products", body, Json, BadRequest, names);

    private static IEnumerable<HostileRequest> InvalidJson()
    {
        string[] bodies =
        [
            "", " ", "\n\t", "{", "}", "[", "]", "{\"name\":", "{\"name\":\"Lamp\"", "{\"name\":\"Lamp\",\"price\":1",
            "{'name':'Lamp','price':1}", "{name:\"Lamp\",price:1}", "{\"name\":\"Lamp\",\"price\":1,}",
            "{\"name\":\"Lamp\",,\"price\":1}", "{\"name\":\"Lamp\" \"price\":1}", "/* c */{\"name\":\"Lamp\",\"price\":1}",
            "{\"name\":\"Lamp\",\"price\":1}//", "null", "true", "false", "0", "12.5", "\"Lamp\"", "[]",
            "[{\"name\":\"Lamp\",\"price\":1}]", "{\"name\":\"Lamp\",\"price\":1}{\"name\":\"Lamp\",\"price\":1}",
            "{\"name\":\"Lamp\",\"price\":1} x", "{\"name\":\"Lamp\",\"price\":01}", "{\"name\":\"Lamp\",\"price\":+1}",
            "{\"name\":\"Lamp\",\"price\":.5}", "{\"name\":\"Lamp\",\"price\":1.}", "{\"name\":\"Lamp\",\"price\":0x10}",
            "{\"name\":\"Lamp\",\"price\":1e}", "{\"name\":\"La\\qmp\",\"price\":1}", "{\"name\":\"Lamp\\u12\",\"price\":1}",
            "{\"name\":\"Lamp,\"price\":1}", "\uFEFF", "\uFEFF\uFEFF{\"name\":\"Lamp\",\"price\":1}",
            "{\"name\":\"Lamp\",\"price\":1}\u0000", "<product><name>Lamp</name></product>",
            "name=Lamp&price=1",
        ];
        return bodies.Select((body, i) => Post("invalid JSON", $"malformed body #{i + 1}", body, ["body", "JSON"]));
    }

    private static IEnumerable<HostileRequest> WrongTypes()
    {
        (string Field, string Value)[] cases =
        [
            ("name", "12"), ("name", "true"), ("name", "[\"Lamp\"]"), ("name", "{\"text\":\"Lamp\"}"), ("name", "1e3"),
            ("price", "\"12.5\""), ("price", "\"\""), ("price", "true"), ("price", "[1]"), ("price", "{\"amount\":1}"),
            ("price", "\"NaN\""), ("price", "\"Infinity\""), ("price", "\"-Infinity\""), ("price", "\"1e3\""),
            ("description", "12"), ("description", "false"), ("description", "[\"a\"]"), ("description", "{\"a\":1}"),
            ("category", "7"), ("category", "true"), ("category", "[]"), ("category", "{}"),
        ];
        return cases.Select(c => Post("wrong types", $"{c.Field} = {c.Value}", WithField(c.Field, c.Value), [c.Field]));
    }

    private static IEnumerable<HostileRequest> Nulls() =>
    [
        Post("nulls", "name null", "{\"name\":null,\"price\":1}", ["name"]),
        Post("nulls", "price null", "{\"name\":\"Lamp\",\"price\":null}", ["price"]),
        Post("nulls", "both null", "{\"name\":null,\"price\":null}", ["name", "price"]),
        Post("nulls", "empty object", "{}", ["name", "price"]),
        Post("nulls", "only optional fields", "{\"description\":null,\"category\":null}", ["name", "price"]),
    ];

    private static IEnumerable<HostileRequest> Numbers()
    {
        string[] prices =
        [
            "-1", "-0.01", "-1e-2", "-999999999", "1000000000", "1e9", "1E10", "1e308", "1e400", "-1e400",
            "123456789012345678901234567890", "79228162514264337593543950336", "1.001", "0.123", "12.345", "1e-5",
            "999999999.999", "0.0000000000000000000000000001", "1e-400", "4.9e-324",
        ];
        foreach (var price in prices)
        {
            yield return Post("huge and negative numbers", $"price {price}", WithField("price", price), ["price"]);
        }

        foreach (var literal in new[] { "NaN", "Infinity", "-Infinity", "+Infinity", "nan", "inf" })
        {
            yield return Post("NaN and Infinity", $"price literal {literal}", WithField("price", literal), ["body", "JSON"]);
        }
    }

    private static IEnumerable<HostileRequest> Nesting()
    {
        // Depths stay under the 32 KiB body cap, so the parser (not the size check) meets them.
        foreach (var depth in new[] { 9, 64, 1000, 5000 })
        {
            yield return Post("deep nesting", $"name nested {depth} arrays deep",
                WithField("name", new string('[', depth) + new string(']', depth)), ["name", "body", "nest"]);
            yield return Post("deep nesting", $"unknown field nested {depth} objects deep",
                "{\"name\":\"Lamp\",\"price\":1,\"x\":" + string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth) + "}",
                ["x", "body", "nest"]);
        }

        yield return Post("deep nesting", "top-level array 5000 deep", new string('[', 5000) + new string(']', 5000), ["body", "JSON"]);
        yield return Post("deep nesting", "unterminated 30000 deep", new string('[', 30_000), ["body", "JSON"]);
    }

    private static IEnumerable<HostileRequest> DuplicateKeys() =>
    [
        Post("duplicate keys", "name twice", "{\"name\":\"Lamp\",\"name\":\"Desk\",\"price\":1}", ["name"]),
        Post("duplicate keys", "price twice", "{\"name\":\"Lamp\",\"price\":1,\"price\":0}", ["price"]),
        Post("duplicate keys", "description twice", "{\"name\":\"Lamp\",\"price\":1,\"description\":\"a\",\"description\":\"b\"}", ["description"]),
        Post("duplicate keys", "category twice", "{\"name\":\"Lamp\",\"price\":1,\"category\":\"a\",\"category\":\"a\"}", ["category"]),
        Post("duplicate keys", "name twice, escaped spelling", "{\"name\":\"Lamp\",\"n\\u0061me\":\"Desk\",\"price\":1}", ["name"]),
        Post("duplicate keys", "name in another case", "{\"name\":\"Lamp\",\"Name\":\"Desk\",\"price\":1}", ["Name"]),
        Post("duplicate keys", "price twice, second invalid", "{\"name\":\"Lamp\",\"price\":1,\"price\":\"x\"}", ["price"]),
    ];

    private static IEnumerable<HostileRequest> Oversized()
    {
        yield return Post("oversized fields", "name 201", WithField("name", Quoted(new string('n', 201))), ["name"]);
        yield return Post("oversized fields", "name 5000", WithField("name", Quoted(new string('n', 5000))), ["name"]);
        yield return Post("oversized fields", "name 201 emoji", WithField("name", Quoted(string.Concat(Enumerable.Repeat("😀", 201)))), ["name"]);
        yield return Post("oversized fields", "description 2001", WithField("description", Quoted(new string('d', 2001))), ["description"]);
        yield return Post("oversized fields", "description 20000", WithField("description", Quoted(new string('d', 20_000))), ["description"]);
        yield return Post("oversized fields", "category 101", WithField("category", Quoted(new string('c', 101))), ["category"]);
        yield return Post("oversized fields", "category 3000 escaped", WithField("category", Quoted(string.Concat(Enumerable.Repeat("\\u0063", 3000)))), ["category"]);
        yield return Post("oversized fields", "unknown field name 10000 long", "{\"name\":\"Lamp\",\"price\":1,\"" + new string('k', 10_000) + "\":1}", ["kkkk"]);
        yield return Post("oversized fields", "500 unknown fields", "{\"name\":\"Lamp\",\"price\":1," + string.Join(",", Enumerable.Range(0, 500).Select(i => $"\"f{i}\":{i}")) + "}", ["f0"]);

        // Bodies: the function's 32 KiB cap and the HTTP API's 10 MB payload quota.
        var validThenPadding = "{\"name\":\"Lamp\",\"price\":1}";
        foreach (var size in new[] { ProductLimits.MaxRequestBodyBytes + 1, 100_000, 1_000_000, 6_000_000 })
        {
            yield return new("oversized bodies", $"valid draft padded to {size} bytes", HttpMethod.Post, "/products",
                Padded(validThenPadding, size), Json, TooLarge, ["bytes", "large"]);
        }

        yield return new("oversized bodies", "11 MB body (over the HTTP API payload quota)", HttpMethod.Post, "/products",
            Padded(validThenPadding, 11 * 1024 * 1024), Json, TooLarge, ["large"], ByGateway: true);
    }

    private static IEnumerable<HostileRequest> InvalidUtf8()
    {
        byte[][] sequences =
        [
            [0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xE2, 0x82], [0x80], [0xFE, 0xFF],
        ];
        foreach (var (sequence, i) in sequences.Select((s, i) => (s, i)))
        {
            yield return PostBytes("invalid UTF-8", $"sequence #{i + 1} in name",
                [.. "{\"name\":\"La"u8, .. sequence, .. "mp\",\"price\":1}"u8], ["UTF-8"]);
        }

        yield return PostBytes("invalid UTF-8", "in a field name", [.. "{\"na"u8, 0xFF, .. "me\":\"Lamp\",\"price\":1}"u8], ["UTF-8"]);
        yield return PostBytes("invalid UTF-8", "truncated at the end", [.. "{\"name\":\"Lamp\",\"price\":1}"u8, 0xE2], ["UTF-8"]);
        yield return PostBytes("invalid UTF-8", "UTF-16LE body", Encoding.Unicode.GetBytes("{\"name\":\"Lamp\",\"price\":1}"), ["body", "JSON", "UTF-8"]);
        yield return Post("invalid UTF-8", "lone high surrogate escape in name", "{\"name\":\"La\\uD800mp\",\"price\":1}", ["name"]);
        yield return Post("invalid UTF-8", "lone low surrogate escape in category", "{\"name\":\"Lamp\",\"price\":1,\"category\":\"\\uDC00\"}", ["category"]);
        yield return Post("invalid UTF-8", "lone surrogate escape in a field name", "{\"\\uD800\":1,\"name\":\"Lamp\",\"price\":1}", ["body", "Unicode"]);
    }

    private static IEnumerable<HostileRequest> ControlCharacters()
    {
        foreach (var code in new[] { 0x00, 0x07, 0x08, 0x0A, 0x0D, 0x09, 0x1B, 0x1F, 0x7F, 0x85 })
        {
            var escaped = $"\\u{code:X4}";
            yield return Post("control characters", $"U+{code:X4} in name", WithField("name", $"\"La{escaped}mp\""), ["name"]);
            yield return Post("control characters", $"U+{code:X4} in category", WithField("category", $"\"Ho{escaped}me\""), ["category"]);
        }

        yield return Post("control characters", "U+0000 in description", WithField("description", "\"a\\u0000b\""), ["description"]);
        yield return Post("control characters", "U+001B in description", WithField("description", "\"a\\u001B[31mred\""), ["description"]);
        yield return Post("control characters", "raw newline inside a string", "{\"name\":\"La\nmp\",\"price\":1}", ["body", "JSON"]);
        yield return Post("control characters", "raw NUL inside a string", "{\"name\":\"La\u0000mp\",\"price\":1}", ["body", "JSON"]);
    }

    private static IEnumerable<HostileRequest> Base64Bodies()
    {
        // API Gateway base64-encodes bodies of non-text media types (isBase64Encoded: true in the event).
        var draft = Encoding.UTF8.GetBytes("{\"name\":\"Lamp\",\"price\":1}");
        string?[] types = [null, "application/octet-stream", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "image/png", "application/zip"];
        return types.Select(type => new HostileRequest("base64-flagged bodies", $"valid draft as {type ?? "no content type"}",
            HttpMethod.Post, "/products", draft, type, Unsupported, ["Content-Type"]));
    }

    private static IEnumerable<HostileRequest> ContentTypes()
    {
        var draft = Encoding.UTF8.GetBytes("{\"name\":\"Lamp\",\"price\":1}");
        string[] types =
        [
            "text/plain", "text/json", "text/html", "application/xml", "application/javascript", "application/jsonx",
            "application/json-seq", "application/+json", "json", "application", "*/*", "application/*",
            "application/x-json", "text/plain; charset=utf-8",
        ];
        return types.Select(type => new HostileRequest("odd content types", $"valid draft as {type}",
            HttpMethod.Post, "/products", draft, type, Unsupported, ["Content-Type"]));
    }

    private static IEnumerable<HostileRequest> UnknownFields()
    {
        string[] fields =
        [
            "id", "createdAt", "ID", "Id", "created_at", "updatedAt", "__proto__", "constructor", "", " name", "name ",
            "price\\u0000", "nаme", "$where", "tableName",
        ];
        foreach (var field in fields)
        {
            var echoed = field.Replace("\\u0000", "\u0000", StringComparison.Ordinal);
            yield return Post("unknown fields", $"field '{field}'", $"{{\"name\":\"Lamp\",\"price\":1,\"{field}\":\"x\"}}",
                [echoed.Length == 0 ? "known field" : echoed]);
        }

        yield return Post("unknown fields", "id set to a valid product id", $"{{\"id\":\"{ProductId.NewId()}\",\"name\":\"Lamp\",\"price\":1}}", ["id"]);
        yield return Post("unknown fields", "createdAt set in the past", "{\"name\":\"Lamp\",\"price\":1,\"createdAt\":\"2000-01-01T00:00:00.000Z\"}", ["createdAt"]);
    }

    // Not in the corpus: "%00" in a path. Kestrel refuses it with a bare 400 before the emulated gateway sees the
    // request; what API Gateway answers is not documented, so there is nothing faithful to emulate.
    private static IEnumerable<HostileRequest> Paths()
    {
        string[] ids =
        [
            "abc", "1", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%5C..%5Cwindows",
            "%ff%fe", "%C0%AE%C0%AE", "'%20OR%20'1'='1", "%7B%22S%22%3A%22x%22%7D", "*",
            Guid.NewGuid().ToString("D").ToUpperInvariant(), "{" + Guid.NewGuid() + "}", Guid.NewGuid().ToString("N"),
            Guid.NewGuid() + "0", Guid.NewGuid().ToString("D")[..35], "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
            Guid.NewGuid().ToString("D").Replace('-', '_'), "%20" + Guid.NewGuid().ToString("D"),
            new string('a', 1000), new string('a', 8000), new string('9', 9000),
        ];
        foreach (var id in ids)
        {
            yield return new("path traversal and oversized ids", $"GET /products/{Shorten(id)}", HttpMethod.Get, "/products/" + id,
                null, null, BadRequest, ["id"]);
        }

        yield return new("path traversal and oversized ids", "unknown product id", HttpMethod.Get, "/products/" + ProductId.NewId(),
            null, null, NoRoute, ["not found"]);
        foreach (var path in new[] { "/products/a/b", "/products/../../etc/passwd", "/products%2F..%2Fadmin", "/admin", "/products/" + ProductId.NewId() + "/x", "/products/%2e%2e", "/products/%2E%2E/admin" })
        {
            yield return new("path traversal and oversized ids", $"no route: {path}", HttpMethod.Get, path, null, null, NoRoute, ["not found"], ByGateway: true);
        }
    }

    private static IEnumerable<HostileRequest> Methods()
    {
        (string Method, string Path)[] cases =
        [
            ("DELETE", "/products"), ("PUT", "/products"), ("PATCH", "/products"), ("DELETE", "/products/" + ProductId.NewId()),
            ("PUT", "/products/" + ProductId.NewId()), ("POST", "/products/" + ProductId.NewId()),
        ];
        return cases.Select(c => new HostileRequest("unserved methods", $"{c.Method} {c.Path[..Math.Min(c.Path.Length, 20)]}",
            new HttpMethod(c.Method), c.Path, Encoding.UTF8.GetBytes("{\"name\":\"Lamp\",\"price\":1}"), Json, NoRoute, ["not found"], ByGateway: true));
    }

    private static IEnumerable<HostileRequest> Limits()
    {
        string[] limits =
        [
            "0", "-1", "101", "1000", "99999999999999999999", "abc", "1.5", "1e2", "+5", "%205", "5%20", "0x10", "NaN",
            "Infinity", "%00", "%ff", "", "5&limit=6", "1,2", "%EF%BC%95", "true", "null", "[5]",
        ];
        return limits.Select(limit => new HostileRequest("bad limit values", $"limit={limit}", HttpMethod.Get,
            "/products?limit=" + limit, null, null, BadRequest, ["limit"]));
    }

    private static IEnumerable<HostileRequest> Tokens()
    {
        var foreign = new PageTokenCodec(new PageTokenKeys(new byte[32], null), "products-dev");
        var otherScope = new PageTokenCodec(new PageTokenKeys(new byte[32], null), "products-prod");
        var genuineShape = foreign.Encode(ProductId.NewId());
        var bytes = Base64Url.DecodeFromChars(genuineShape);
        var unsigned = (byte[])bytes.Clone();
        Array.Clear(unsigned, 37, unsigned.Length - 37);
        string[] tokens =
        [
            "x", "null", "0", "AAAA", new string('A', genuineShape.Length), genuineShape, otherScope.Encode(ProductId.NewId()),
            Base64Url.EncodeToString(unsigned), genuineShape + "=", genuineShape[..^1], genuineShape + "A",
            Uri.EscapeDataString(Convert.ToBase64String(bytes)), Uri.EscapeDataString(genuineShape.Replace('-', '+')),
            Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"id\":{\"S\":\"" + ProductId.NewId() + "\"}}"))),
            Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes(ProductId.NewId()))), ProductId.NewId(),
            new string('A', 5000), "%00", "..%2F..", "%F0%9F%98%80", genuineShape + "&nextToken=" + genuineShape,
        ];
        return tokens.Select(token => new HostileRequest("forged nextTokens", $"nextToken={Shorten(token)}", HttpMethod.Get,
            "/products?limit=5&nextToken=" + token, null, null, BadRequest, ["nextToken"]));
    }

    // A valid draft with an unusable Idempotency-Key (1 to 255 characters from '!' to '~', no comma, given once): 400
    // naming the header, nothing created, no key used up.
    private static IEnumerable<HostileRequest> IdempotencyKeys()
    {
        var same = "key-same-" + Guid.NewGuid().ToString("N");
        (string Description, string[] Values)[] cases =
        [
            ("empty", [""]),
            ("256 characters", [new string('k', 256)]),
            ("4000 characters", [new string('k', 4000)]),
            ("a space inside", ["key with spaces"]),
            ("a tab inside", ["key\twith-tab"]),
            ("a DEL character", ["key\u007Fdel"]),
            ("a comma", ["key,other"]),
            ("given twice, different", ["key-one-" + Guid.NewGuid().ToString("N"), "key-two-" + Guid.NewGuid().ToString("N")]),
            ("given twice, the same", [same, same]),
            ("non-ASCII (UTF-8 é)", ["cl\u00E9-" + Guid.NewGuid().ToString("N")]),
            ("non-ASCII (emoji)", ["key-\uD83D\uDE00"]),
        ];
        return cases.Select(c => new HostileRequest("Idempotency-Key header", $"Idempotency-Key {c.Description}", HttpMethod.Post,
            "/products", Encoding.UTF8.GetBytes("{\"name\":\"Keyed lamp\",\"price\":1}"), Json, BadRequest, ["Idempotency-Key"],
            Headers: [.. c.Values.Select(v => KeyValuePair.Create("Idempotency-Key", v))]));
    }

    private static string WithField(string field, string rawValue) => field switch
    {
        "name" => $"{{\"name\":{rawValue},\"price\":1}}",
        "price" => $"{{\"name\":\"Lamp\",\"price\":{rawValue}}}",
        _ => $"{{\"name\":\"Lamp\",\"price\":1,\"{field}\":{rawValue}}}",
    };

    private static string Quoted(string text) => "\"" + text + "\"";

    private static byte[] Padded(string json, int size)
    {
        var body = new byte[size];
        body.AsSpan().Fill((byte)' ');
        Encoding.UTF8.GetBytes(json, body);
        return body;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..20] + $"…({text.Length} chars)";
}
