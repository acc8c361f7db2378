using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Products.Data.Tests;

public sealed class DynamoDbFailuresTests
{
    public static TheoryData<Exception, int> Transient => new()
    {
        { new ProvisionedThroughputExceededException("slow down"), 1 },
        { new RequestLimitExceededException("account limit"), 1 },
        { new ThrottlingException("control plane"), 1 },
        { new AmazonServiceException("x", ErrorType.Sender, "ThrottlingException", "r", HttpStatusCode.BadRequest), 1 },
        { new AmazonServiceException("x", ErrorType.Unknown, "Other", "r", HttpStatusCode.TooManyRequests), 1 },
        { new InternalServerErrorException("oops"), 5 },
        { new AmazonServiceException("x", ErrorType.Receiver, "ServiceUnavailable", "r", HttpStatusCode.ServiceUnavailable), 5 },
        { new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)), 5 },
        { new AmazonClientException("wrapped", new IOException("reset")), 5 },
        { new TaskCanceledException("timeout", new TimeoutException()), 5 },
        { new OperationCanceledException(), 5 },
    };

    public static TheoryData<Exception> Defects => new()
    {
        { new ResourceNotFoundException("no table") },
        { new ConditionalCheckFailedException("exists") },
        { new AmazonServiceException("x", ErrorType.Sender, "ValidationException", "r", HttpStatusCode.BadRequest) },
        { new AmazonServiceException("x", ErrorType.Sender, "AccessDeniedException", "r", HttpStatusCode.BadRequest) },
        { new InvalidOperationException("bug") },
        { new CorruptProductItemException("bad item") },
    };

    [Theory]
    [MemberData(nameof(Transient))]
    public void IsTransient_ThrottlingOrOutage_TrueWithRetryAfter(Exception exception, int retryAfterSeconds)
    {
        Assert.True(DynamoDbFailures.IsTransient(exception, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(retryAfterSeconds), retryAfter);
    }

    [Theory]
    [MemberData(nameof(Defects))]
    public void IsTransient_Defect_False(Exception exception)
    {
        Assert.False(DynamoDbFailures.IsTransient(exception, out _));
    }
}
