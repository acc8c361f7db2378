using System.Globalization;
using System.Text;

namespace Products.Emulator.Gateway;

/// <summary>
/// One access log line, space-separated:
/// <c>{method} {path} {status} {latency}ms {function|-} {cold|warm|-} [init={ms}ms] [auth={ms}ms] [error={kind}] rid={requestId}</c>
/// (<c>auth</c>: the JWT authorizer's time, to the microsecond, on a guarded route),
/// for example <c>GET /products/42 200 13ms GetProductFunction cold init=412ms rid=JTHoQgr2oAMEPMg=</c> or
/// <c>GET /nope 404 0ms - - rid=JTHoQgr2oAMEPMg=</c>. The path is as received, without the query string.
/// </summary>
internal sealed record AccessLogEntry(string Method, string Path, int Status, TimeSpan Latency, InvocationNote Note, string RequestId)
{
    public string Format()
    {
        var line = new StringBuilder(128);
        line.Append(Method).Append(' ').Append(Path).Append(' ')
            .Append(Status.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(Milliseconds(Latency)).Append("ms ")
            .Append(Note.FunctionLogicalId ?? "-").Append(' ')
            .Append(Note.ColdStart switch { true => "cold", false => "warm", null => "-" });
        if (Note.ColdStart == true && Note.InitDuration is { } init)
        {
            line.Append(" init=").Append(Milliseconds(init)).Append("ms");
        }

        if (Note.AuthorizerDuration is { } authorizer)
        {
            line.Append(" auth=")
                .Append(authorizer.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture))
                .Append("ms");
        }

        if (Note.Error is not null)
        {
            line.Append(" error=").Append(Note.Error);
        }

        return line.Append(" rid=").Append(RequestId).ToString();
    }

    private static string Milliseconds(TimeSpan duration) =>
        Math.Round(duration.TotalMilliseconds, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);
}
