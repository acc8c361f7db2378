using Products.Emulator.Tests.Lambda;
using Products.Testing;

namespace Products.Emulator.Tests.EndToEnd;

/// <summary>The emulator's access-log line of one request (format on the gateway's AccessLogEntry).</summary>
internal static class AccessLog
{
    /// <summary>Waits for the line ending with the request's id: the gateway may write it just after answering.</summary>
    public static async Task<string> LineAsync(LocalApiFixture api, ApiAnswer answer)
    {
        var suffix = " rid=" + answer.RequestId;
        string? line = null;
        var found = await Eventually.TrueAsync(() => (line = api.Output.LastOrDefault(l => l.EndsWith(suffix, StringComparison.Ordinal))) is not null);
        Assert.True(found, $"No access-log line for request {answer.RequestId}");
        return line!;
    }
}
