namespace Products.Lambda.Tests.ApiGateway;

/// <summary>
/// Hand-written events in the shapes of the Amazon API Gateway Developer Guide examples ("Create AWS Lambda proxy
/// integrations for HTTP APIs in API Gateway" and "Set up Lambda proxy integrations in API Gateway"), with a fresh
/// request id each time.
/// </summary>
internal static class EventSamples
{
    public static string HttpApiGetProduct(string requestId, string productId) => $$"""
        {
          "version": "2.0",
          "routeKey": "GET /products/{id}",
          "rawPath": "/products/{{productId}}",
          "rawQueryString": "",
          "cookies": ["session=abc123", "theme=dark"],
          "headers": {
            "accept": "application/json",
            "content-length": "0",
            "host": "a1b2c3.execute-api.eu-west-1.amazonaws.com",
            "origin": "https://shop.example.com",
            "user-agent": "curl/8.5.0",
            "x-amzn-trace-id": "Root=1-65f0c1d2-0123456789abcdef01234567",
            "x-forwarded-for": "203.0.113.7",
            "x-forwarded-port": "443",
            "x-forwarded-proto": "https"
          },
          "requestContext": {
            "accountId": "123456789012",
            "apiId": "a1b2c3",
            "domainName": "a1b2c3.execute-api.eu-west-1.amazonaws.com",
            "domainPrefix": "a1b2c3",
            "http": {
              "method": "GET",
              "path": "/products/{{productId}}",
              "protocol": "HTTP/1.1",
              "sourceIp": "203.0.113.7",
              "userAgent": "curl/8.5.0"
            },
            "requestId": "{{requestId}}",
            "routeKey": "GET /products/{id}",
            "stage": "$default",
            "time": "12/Mar/2020:19:03:58 +0000",
            "timeEpoch": 1584039838390
          },
          "pathParameters": { "id": "{{productId}}" },
          "isBase64Encoded": false
        }
        """;

    public static string HttpApiListProducts(string requestId, string rawQueryString, string queryStringParameters) => $$"""
        {
          "version": "2.0",
          "routeKey": "GET /products",
          "rawPath": "/products",
          "rawQueryString": "{{rawQueryString}}",
          "headers": { "accept": "*/*", "host": "a1b2c3.execute-api.eu-west-1.amazonaws.com" },
          "queryStringParameters": {{queryStringParameters}},
          "requestContext": {
            "apiId": "a1b2c3",
            "http": { "method": "GET", "path": "/products", "protocol": "HTTP/1.1", "sourceIp": "198.51.100.4", "userAgent": "agent" },
            "requestId": "{{requestId}}",
            "routeKey": "GET /products",
            "stage": "dev",
            "time": "12/Mar/2020:19:03:58 +0000",
            "timeEpoch": 1584039838390
          },
          "isBase64Encoded": false
        }
        """;

    public static string HttpApiCreateProduct(string requestId, string body, bool isBase64Encoded, string contentType) => $$"""
        {
          "version": "2.0",
          "routeKey": "POST /products",
          "rawPath": "/products",
          "rawQueryString": "",
          "headers": {
            "content-type": "{{contentType}}",
            "host": "a1b2c3.execute-api.eu-west-1.amazonaws.com",
            "x-custom": "one,two"
          },
          "requestContext": {
            "apiId": "a1b2c3",
            "http": { "method": "POST", "path": "/products", "protocol": "HTTP/1.1", "sourceIp": "198.51.100.4", "userAgent": "agent" },
            "requestId": "{{requestId}}",
            "routeKey": "POST /products",
            "stage": "$default",
            "time": "12/Mar/2020:19:03:58 +0000",
            "timeEpoch": 1584039838390
          },
          "body": "{{body}}",
          "isBase64Encoded": {{(isBase64Encoded ? "true" : "false")}}
        }
        """;

    /// <summary>The REST API proxy example of the developer guide: POST /{proxy+} on stage testStage.</summary>
    public static string RestApiProxyPost(string requestId) => $$"""
        {
          "resource": "/{proxy+}",
          "path": "/hello/world",
          "httpMethod": "POST",
          "headers": {
            "Accept": "*/*",
            "Accept-Encoding": "gzip, deflate",
            "cache-control": "no-cache",
            "CloudFront-Forwarded-Proto": "https",
            "Content-Type": "application/json",
            "Cookie": "session=abc123; theme=dark",
            "headerName": "headerValue",
            "Host": "gy415nuibc.execute-api.us-east-1.amazonaws.com",
            "User-Agent": "PostmanRuntime/2.4.5",
            "X-Forwarded-For": "54.240.196.186, 54.182.214.83",
            "X-Forwarded-Port": "443",
            "X-Forwarded-Proto": "https"
          },
          "multiValueHeaders": {
            "Accept": ["*/*"],
            "Accept-Encoding": ["gzip, deflate"],
            "cache-control": ["no-cache"],
            "CloudFront-Forwarded-Proto": ["https"],
            "": [""],
            "Content-Type": ["application/json"],
            "Cookie": ["session=abc123; theme=dark"],
            "headerName": ["headerValue"],
            "Host": ["gy415nuibc.execute-api.us-east-1.amazonaws.com"],
            "User-Agent": ["PostmanRuntime/2.4.5"],
            "X-Forwarded-For": ["54.240.196.186, 54.182.214.83"],
            "X-Forwarded-Port": ["443"],
            "X-Forwarded-Proto": ["https"]
          },
          "queryStringParameters": { "name": "me", "multivalueName": "me" },
          "multiValueQueryStringParameters": { "name": ["me"], "multivalueName": ["you", "me"] },
          "pathParameters": { "proxy": "hello/world" },
          "stageVariables": { "stageVariableName": "stageVariableValue" },
          "requestContext": {
            "accountId": "12345678912",
            "resourceId": "roq9wj",
            "stage": "testStage",
            "requestId": "{{requestId}}",
            "requestTime": "04/Mar/2020:19:15:17 +0000",
            "requestTimeEpoch": 1583349317135,
            "identity": {
              "cognitoIdentityPoolId": null,
              "accountId": null,
              "cognitoIdentityId": null,
              "caller": null,
              "apiKey": null,
              "sourceIp": "192.168.196.186",
              "cognitoAuthenticationType": null,
              "cognitoAuthenticationProvider": null,
              "userArn": null,
              "userAgent": "PostmanRuntime/2.4.5",
              "user": null
            },
            "resourcePath": "/{proxy+}",
            "httpMethod": "POST",
            "apiId": "gy415nuibc"
          },
          "body": "{\r\n\t\"a\": 1\r\n}",
          "isBase64Encoded": false
        }
        """;

    /// <summary>A REST API GET with every optional map null, as API Gateway sends when the request has none.</summary>
    public static string RestApiBareGet(string requestId) => $$"""
        {
          "version": "1.0",
          "resource": "/products",
          "path": "/products",
          "httpMethod": "get",
          "headers": null,
          "multiValueHeaders": null,
          "queryStringParameters": null,
          "multiValueQueryStringParameters": null,
          "pathParameters": null,
          "stageVariables": null,
          "requestContext": {
            "requestId": "{{requestId}}",
            "stage": "prod",
            "requestTime": "04/Mar/2020:19:15:17 +0000",
            "identity": { "sourceIp": "192.0.2.10", "userAgent": null }
          },
          "body": null,
          "isBase64Encoded": false
        }
        """;
}
