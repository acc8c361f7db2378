using Products.Emulator.Gateway;

namespace Products.Emulator.Tests.Gateway;

public sealed class AccessLogEntryTests
{
    [Fact]
    public void Format_ColdStart_IncludesInitDuration()
    {
        var entry = new AccessLogEntry("GET", "/products/42", 200, TimeSpan.FromMilliseconds(12.6),
            new InvocationNote("GetProductFunction", true, TimeSpan.FromMilliseconds(411.5), null), "rid1=");

        Assert.Equal("GET /products/42 200 13ms GetProductFunction cold init=412ms rid=rid1=", entry.Format());
    }

    [Fact]
    public void Format_Warm_OmitsInit()
    {
        var entry = new AccessLogEntry("POST", "/products", 201, TimeSpan.FromMilliseconds(3),
            new InvocationNote("CreateProductFunction", false, TimeSpan.FromSeconds(1), null), "r");

        Assert.Equal("POST /products 201 3ms CreateProductFunction warm rid=r", entry.Format());
    }

    [Fact]
    public void Format_GuardedRoute_IncludesTheAuthorizersTime_AndARefusalsReason()
    {
        var allowed = new AccessLogEntry("POST", "/products", 201, TimeSpan.FromMilliseconds(3),
            new InvocationNote("CreateProductFunction", false, null, null) { AuthorizerDuration = TimeSpan.FromTicks(1234) }, "r");
        var refused = new AccessLogEntry("POST", "/products", 401, TimeSpan.Zero,
            InvocationNote.Failed("CreateProductFunction", "Unauthorized:expired") with { AuthorizerDuration = TimeSpan.FromMilliseconds(0.2) }, "r");

        Assert.Equal("POST /products 201 3ms CreateProductFunction warm auth=0.123ms rid=r", allowed.Format());
        Assert.Equal("POST /products 401 0ms CreateProductFunction - auth=0.200ms error=Unauthorized:expired rid=r", refused.Format());
    }

    [Fact]
    public void Format_NoFunction_UsesDashes()
    {
        var entry = new AccessLogEntry("GET", "/nope", 404, TimeSpan.Zero, InvocationNote.None, "r");

        Assert.Equal("GET /nope 404 0ms - - rid=r", entry.Format());
    }

    [Fact]
    public void Format_Error_NamesTheKind()
    {
        var entry = new AccessLogEntry("GET", "/slow", 503, TimeSpan.FromMilliseconds(30000),
            InvocationNote.Failed("SlowFunction", "IntegrationTimeout"), "r");

        Assert.Equal("GET /slow 503 30000ms SlowFunction - error=IntegrationTimeout rid=r", entry.Format());
    }
}
