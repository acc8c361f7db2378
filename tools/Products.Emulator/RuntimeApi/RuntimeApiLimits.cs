namespace Products.Emulator.RuntimeApi;

/// <summary>Limits and names of the AWS Lambda Runtime API, 2018-06-01, as Lambda enforces them.</summary>
public static class RuntimeApiLimits
{
    /// <summary>
    /// 6 MB (6,291,456 bytes): the synchronous invocation response limit in "Lambda quotas"; larger responses are
    /// refused with 413.
    /// </summary>
    public const int MaxResponseBytes = 6 * 1024 * 1024;

    /// <summary>The path prefix of every Runtime API call.</summary>
    public const string PathPrefix = "/2018-06-01";

    /// <summary>Error type reported when the function sent none (Lambda's historical X-Amz-Function-Error value).</summary>
    public const string UnknownErrorType = "Unhandled";
}
