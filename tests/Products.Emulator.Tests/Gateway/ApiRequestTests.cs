using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Products.Emulator.Gateway;

namespace Products.Emulator.Tests.Gateway;

public sealed class ApiRequestTests
{
    [Fact]
    public void FromHttpContext_Request_LowerCasesNamesKeepsDuplicatesAndAddsForwardedHeaders()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Scheme = "http";
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = "/items/a%20b?x=1&x=2";
        context.Request.Headers.Append("X-Dup", "first");
        context.Request.Headers.Append("X-Dup", "second");
        context.Request.Headers.Append("X-Forwarded-Proto", "https");
        context.Connection.RemoteIpAddress = IPAddress.Parse("::ffff:10.0.0.9");
        context.Connection.LocalPort = 3000;

        var request = ApiRequest.FromHttpContext(context, ReadOnlyMemory<byte>.Empty);

        Assert.Equal("/items/a%20b", request.RawPath);
        Assert.Equal("x=1&x=2", request.RawQueryString);
        Assert.Equal(["first", "second"], request.HeaderValues("x-dup"));
        Assert.Contains(request.Headers, h => h.Key == "x-dup");
        Assert.Equal("10.0.0.9", request.SourceIp);
        Assert.Equal("10.0.0.9", request.Header("x-forwarded-for"));
        Assert.Equal("3000", request.Header("x-forwarded-port"));
        Assert.Equal("http", request.Header("x-forwarded-proto"));
    }

    [Fact]
    public void FromHttpContext_ClientForwardedFor_GetsCallerAppended()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Append("X-Forwarded-For", "203.0.113.7");
        context.Connection.RemoteIpAddress = IPAddress.Loopback;

        var request = ApiRequest.FromHttpContext(context, ReadOnlyMemory<byte>.Empty);

        Assert.Equal("203.0.113.7, 127.0.0.1", request.Header("x-forwarded-for"));
    }
}
