using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Products.Emulator.Auth;

namespace Products.Emulator.Gateway;

/// <summary>
/// The local issuer's token endpoint: the OAuth 2.0 client credentials grant (RFC 6749 section 4.4) without client
/// authentication, since only this machine reaches it. A form-encoded POST with <c>grant_type=client_credentials</c>
/// and an optional space-separated <c>scope</c> (default <c>products/write</c>) gets a one-hour access token for
/// <see cref="LocalIssuer.DefaultSubject"/>, answered as section 5.1 says; a bad request gets a section 5.2 error.
/// The reference page gets its "try it" token here.
/// </summary>
internal static class LocalTokenEndpoint
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private const string DefaultScope = "products/write";

    private const int MaxFormBytes = 4096;

    public static async Task<GatewayResponse> AnswerAsync(HttpRequest request, LocalIssuer issuer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(issuer);
        if (!HttpMethods.IsPost(request.Method))
        {
            return GatewayErrors.NotFound();
        }

        if (!request.HasFormContentType || request.ContentLength is not (>= 0 and <= MaxFormBytes))
        {
            return Error("invalid_request", "POST an application/x-www-form-urlencoded body of at most 4 KiB.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return Error("invalid_request", "The body is not a valid form.");
        }

        if (form["grant_type"] is not [var grant] || grant != "client_credentials")
        {
            return Error("unsupported_grant_type", "Only grant_type=client_credentials is supported.");
        }

        var scope = form["scope"] switch
        {
            [] => DefaultScope,
            [var one] => one ?? string.Empty,
            _ => null,
        };
        if (scope is null)
        {
            return Error("invalid_request", "Give scope at most once (space-separated for several).");
        }

        var scopes = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var token = issuer.Mint(LocalIssuer.DefaultSubject, scopes, Lifetime);
        return Answer(200, json =>
        {
            json.WriteString("access_token", token);
            json.WriteString("token_type", "Bearer");
            json.WriteNumber("expires_in", (long)Lifetime.TotalSeconds);
            json.WriteString("scope", string.Join(' ', scopes));
        });
    }

    private static GatewayResponse Error(string error, string description) => Answer(400, json =>
    {
        json.WriteString("error", error);
        json.WriteString("error_description", description);
    });

    // Section 5.1: a token response is never cached.
    private static GatewayResponse Answer(int status, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        return new GatewayResponse(
            status,
            [new("Content-Type", "application/json"), new("Cache-Control", "no-store"), new("Pragma", "no-cache")],
            buffer.ToArray());
    }
}
