namespace Products.Lambda.Runtime;

/// <summary>
/// Header names and media types of the AWS Lambda Runtime API, 2018-06-01 ("Using the Lambda runtime API for custom
/// runtimes" and its OpenAPI document runtime-api.zip).
/// </summary>
internal static class RuntimeApiHeaders
{
    public const string RequestId = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceId = "Lambda-Runtime-Trace-Id";
    public const string ClientContext = "Lambda-Runtime-Client-Context";
    public const string CognitoIdentity = "Lambda-Runtime-Cognito-Identity";

    /// <summary>Sent with invocation and init errors; Lambda uses it when the error body cannot be read.</summary>
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";

    /// <summary>The "standard AWS Lambda error format" media type other AWS services understand.</summary>
    public const string ErrorContentType = "application/vnd.aws.lambda.error+json";

    /// <summary>The API version segment every path starts with.</summary>
    public const string ApiVersion = "2018-06-01";
}
