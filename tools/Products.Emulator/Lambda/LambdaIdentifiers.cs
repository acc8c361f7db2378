using System.Globalization;
using System.Security.Cryptography;

namespace Products.Emulator.Lambda;

/// <summary>The identifiers Lambda makes up for a function, an environment and an invocation, in Lambda's formats.</summary>
internal static class LambdaIdentifiers
{
    /// <summary>The account id SAM CLI's local emulation uses too; no real account is involved.</summary>
    public const string AccountId = "123456789012";

    /// <summary>An unpublished function's version.</summary>
    public const string LatestVersion = "$LATEST";

    public static string FunctionArn(FunctionLaunchSpec spec) =>
        $"arn:aws:lambda:{spec.Region}:{AccountId}:function:{spec.FunctionName}";

    public static string LogGroupName(string functionName) => "/aws/lambda/" + functionName;

    /// <summary>yyyy/MM/dd/[$LATEST]&lt;32 hex&gt;, the stream name Lambda gives each execution environment.</summary>
    public static string NewLogStreamName(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture)
        + "/[" + LatestVersion + "]" + RandomNumberGenerator.GetHexString(32, lowercase: true);

    /// <summary>A request id: a random UUID, as Lambda's.</summary>
    public static string NewRequestId() => Guid.NewGuid().ToString("D");

    /// <summary>
    /// An X-Ray trace header, "Tracing header" in the AWS X-Ray Developer Guide: Root=1-&lt;8 hex epoch
    /// seconds&gt;-&lt;24 hex&gt;;Parent=&lt;16 hex segment id&gt;;Sampled=0 (not sampled: nothing is sent anywhere).
    /// </summary>
    public static string NewTraceId(DateTimeOffset now) =>
        "Root=1-" + now.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture)
        + "-" + RandomNumberGenerator.GetHexString(24, lowercase: true)
        + ";Parent=" + RandomNumberGenerator.GetHexString(16, lowercase: true)
        + ";Sampled=0";
}
