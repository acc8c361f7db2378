using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Products.Data;

/// <summary>
/// Decides which DynamoDB failures are "try again later" (503 + Retry-After upstream) rather than defects. Error codes
/// follow the DynamoDB Developer Guide, "Error handling with DynamoDB" (throttling and 5xx are retryable).
/// </summary>
internal static class DynamoDbFailures
{
    /// <summary>Throttling clears as capacity adapts; a client may come back soon.</summary>
    public static readonly TimeSpan ThrottledRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>Unreachable, timing out or failing inside: give it a few seconds.</summary>
    public static readonly TimeSpan UnreachableRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>True when <paramref name="exception"/> means DynamoDB cannot serve the request now.</summary>
    public static bool IsTransient(Exception exception, out TimeSpan retryAfter)
    {
        retryAfter = ThrottledRetryAfter;
        switch (exception)
        {
            case ProvisionedThroughputExceededException or RequestLimitExceededException or ThrottlingException:
                return true;
            case AmazonServiceException { ErrorCode: "ThrottlingException" or "Throttling" or "TooManyRequestsException" }:
            case AmazonServiceException { StatusCode: HttpStatusCode.TooManyRequests }:
                return true;
            case InternalServerErrorException:
            case AmazonServiceException { StatusCode: >= HttpStatusCode.InternalServerError }:
                retryAfter = UnreachableRetryAfter;
                return true;
            case OperationCanceledException:
                // The caller's token (the Lambda deadline) or the SDK's own per-attempt timeout.
                retryAfter = UnreachableRetryAfter;
                return true;
        }

        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or SocketException or IOException or TimeoutException)
            {
                retryAfter = UnreachableRetryAfter;
                return true;
            }
        }

        return false;
    }
}
