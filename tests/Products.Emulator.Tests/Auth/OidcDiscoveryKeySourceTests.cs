using System.Text;
using Microsoft.AspNetCore.Http;
using Products.Emulator.Auth;
using Products.Emulator.Http;

namespace Products.Emulator.Tests.Auth;

/// <summary>An external issuer over HTTP: discovery document → jwks_uri → keys, as the JWT authorizer finds them.</summary>
public sealed class OidcDiscoveryKeySourceTests
{
    private static readonly string[] WriteScope = ["products/write"];

    [Fact]
    public async Task TokenOfAnIssuerServedOverHttp_IsVerifiedWithTheKeysItsDiscoveryDocumentNames()
    {
        var keys = LocalIssuer.Ephemeral(TimeProvider.System);
        var fetches = 0;
        await using var server = await LoopbackHttpServer.StartAsync(
            context =>
            {
                var baseAddress = new Uri($"http://{context.Request.Host}/");
                byte[] body;
                switch (context.Request.Path.Value)
                {
                    case "/tenant/.well-known/openid-configuration":
                        Interlocked.Increment(ref fetches);
                        body = Encoding.UTF8.GetBytes($$"""{"issuer":"{{baseAddress}}tenant","jwks_uri":"{{baseAddress}}keys/jwks.json"}""");
                        break;
                    case "/keys/jwks.json":
                        body = keys.JwksJson();
                        break;
                    default:
                        context.Response.StatusCode = 404;
                        return Task.CompletedTask;
                }

                context.Response.ContentType = "application/json";
                return context.Response.Body.WriteAsync(body).AsTask();
            },
            0,
            null,
            null,
            CancellationToken.None);
        var issuerUrl = new Uri(server.BaseAddress, "tenant").ToString();
        using var http = new HttpClient();
        using var source = new OidcDiscoveryKeySource(new Uri(issuerUrl), http, TimeProvider.System);
        var authorizer = new JwtAuthorizer(
            new JwtAuthorizerSettings("External", "Authorization", issuerUrl, ["external-api"]),
            source,
            TimeProvider.System);
        var token = keys.Sign(TestTokens.Claims(c =>
        {
            c["iss"] = issuerUrl;
            c["aud"] = "external-api";
        }));
        var localToken = keys.Mint("someone", WriteScope, TimeSpan.FromMinutes(5));

        var first = await authorizer.AuthorizeAsync("Bearer " + token, WriteScope, CancellationToken.None);
        var second = await authorizer.AuthorizeAsync("Bearer " + token, WriteScope, CancellationToken.None);
        var wrongIssuer = await authorizer.AuthorizeAsync("Bearer " + localToken, WriteScope, CancellationToken.None);

        Assert.IsType<AuthorizationResult.Allowed>(first);
        Assert.IsType<AuthorizationResult.Allowed>(second);
        Assert.IsType<AuthorizationResult.Unauthorized>(wrongIssuer);
        Assert.Equal(1, fetches);
    }

    [Fact]
    public async Task UnreachableIssuer_AnswersUnauthorized()
    {
        using var http = new HttpClient();
        var port = Products.Testing.FreePort.Next();
        var issuerUrl = $"http://127.0.0.1:{port}/nobody";
        using var source = new OidcDiscoveryKeySource(new Uri(issuerUrl), http, TimeProvider.System);
        var authorizer = new JwtAuthorizer(
            new JwtAuthorizerSettings("External", "Authorization", issuerUrl, ["external-api"]),
            source,
            TimeProvider.System);
        var token = LocalIssuer.Ephemeral(TimeProvider.System).Sign(TestTokens.Claims(c => c["iss"] = issuerUrl));

        var result = await authorizer.AuthorizeAsync("Bearer " + token, WriteScope, CancellationToken.None);

        Assert.IsType<AuthorizationResult.Unauthorized>(result);
    }
}
