using Microsoft.AspNetCore.Http;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Products.Emulator.Ssm;

/// <summary>
/// The HTTP side of the local SSM endpoint, speaking the AWS JSON 1.1 protocol the SDK uses: POST / with
/// <c>X-Amz-Target: AmazonSSM.&lt;Operation&gt;</c> and a JSON body; errors are HTTP 400 with
/// <c>{"__type": ..., "message": ...}</c>. Signatures are not checked (any credentials work); the region for ARNs is
/// read from the SigV4 credential scope. Usable as a RequestDelegate in any Kestrel app.
/// </summary>
internal sealed partial class SsmRequestHandler(LocalParameterStore store)
{
    public const string ContentType = "application/x-amz-json-1.1";
    public const string TargetPrefix = "AmazonSSM.";
    public const string DefaultRegion = "us-east-1";

    // SSM requests are small; anything bigger is a mistake, not a parameter read.
    public const int MaxRequestBytes = 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        SsmReply reply;
        try
        {
            reply = await ReplyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug here must still look like an AWS 500 to the SDK, and never show exception text.
            reply = SsmReply.Error(SsmErrorTypes.InternalServerError, "Internal error.", StatusCodes.Status500InternalServerError);
        }

        var response = context.Response;
        response.StatusCode = reply.StatusCode;
        response.ContentType = ContentType;
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (reply.ErrorType is not null)
        {
            response.Headers["x-amzn-ErrorType"] = reply.ErrorType;
        }

        response.ContentLength = reply.Body.Length;
        await response.Body.WriteAsync(reply.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task<SsmReply> ReplyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var target = request.Headers["X-Amz-Target"].ToString();
        if (!HttpMethods.IsPost(request.Method) || !target.StartsWith(TargetPrefix, StringComparison.Ordinal))
        {
            return SsmReply.Error(SsmErrorTypes.UnknownOperation, "Send POST / with X-Amz-Target: AmazonSSM.<Operation>.");
        }

        if (request.ContentLength > MaxRequestBytes)
        {
            return SsmReply.Error(
                SsmErrorTypes.Serialization, "The request body is too large.", StatusCodes.Status413PayloadTooLarge);
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return SsmReply.Error(SsmErrorTypes.Serialization, "The request body is not valid JSON.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return SsmReply.Error(SsmErrorTypes.Serialization, "The request body must be a JSON object.");
            }

            var operations = new SsmOperations(store, RegionOf(request));
            return operations.Run(target[TargetPrefix.Length..], document.RootElement);
        }
    }

    // "Authorization: AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/ssm/aws4_request, ..."
    private static string RegionOf(HttpRequest request)
    {
        var match = CredentialScope().Match(request.Headers.Authorization.ToString());
        return match.Success ? match.Groups["region"].Value : DefaultRegion;
    }

    [GeneratedRegex(@"Credential=[^/,\s]+/\d{8}/(?<region>[a-z0-9-]+)/")]
    private static partial Regex CredentialScope();
}
