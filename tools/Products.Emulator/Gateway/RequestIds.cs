using System.Globalization;
using System.Security.Cryptography;

namespace Products.Emulator.Gateway;

/// <summary>Identifiers in the shapes AWS uses, from a cryptographic random source (no shared state).</summary>
internal static class RequestIds
{
    /// <summary>
    /// An HTTP API request id, as sent in <c>apigw-requestid</c> and <c>requestContext.requestId</c>: 11 random bytes
    /// in URL-safe base64, 16 characters ending in <c>=</c>, like <c>JTHoQgr2oAMEPMg=</c>.
    /// </summary>
    public static string NewRequestId()
    {
        Span<byte> bytes = stackalloc byte[11];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
    }

    /// <summary>An X-Ray trace header value: <c>Root=1-{epoch seconds, 8 hex}-{96 random bits, 24 hex}</c>.</summary>
    public static string NewTraceId(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[12];
        RandomNumberGenerator.Fill(bytes);
        var seconds = now.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture);
        return $"Root=1-{seconds}-{Convert.ToHexStringLower(bytes)}";
    }
}
