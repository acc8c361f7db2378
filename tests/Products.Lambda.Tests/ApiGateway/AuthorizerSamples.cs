namespace Products.Lambda.Tests.ApiGateway;

/// <summary>
/// Events carrying an authorizer's output, in the shapes the Amazon API Gateway Developer Guide shows: payload 2.0
/// <c>requestContext.authorizer.jwt</c> ("Create AWS Lambda proxy integrations for HTTP APIs", JWT authorizer: claims
/// as strings, plus scopes), payload 1.0 <c>requestContext.authorizer.claims</c> of a REST API Cognito user pool
/// authorizer, and the 1.0 shape an HTTP API JWT authorizer gives (claims and scopes side by side).
/// </summary>
internal static class AuthorizerSamples
{
    /// <summary>POST /products on an HTTP API with a JWT authorizer; the token is a Cognito client-credentials access token.</summary>
    public static string HttpApiJwtPost(string requestId) => $$"""
        {
          "version": "2.0",
          "routeKey": "POST /products",
          "rawPath": "/products",
          "rawQueryString": "",
          "headers": {
            "authorization": "Bearer eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.e30.c2ln",
            "content-type": "application/json",
            "host": "a1b2c3.execute-api.eu-west-1.amazonaws.com"
          },
          "requestContext": {
            "accountId": "123456789012",
            "apiId": "a1b2c3",
            "authorizer": {
              "jwt": {
                "claims": {
                  "auth_time": "1733300000",
                  "client_id": "5r2hv8m1c9k3q7d0example",
                  "exp": "1733303600",
                  "iat": "1733300000",
                  "iss": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example1",
                  "jti": "1f1e3c4a-0000-4000-8000-000000000001",
                  "scope": "products/write",
                  "sub": "5r2hv8m1c9k3q7d0example",
                  "token_use": "access",
                  "version": "2"
                },
                "scopes": ["products/write"]
              }
            },
            "domainName": "a1b2c3.execute-api.eu-west-1.amazonaws.com",
            "http": { "method": "POST", "path": "/products", "protocol": "HTTP/1.1", "sourceIp": "198.51.100.4", "userAgent": "agent" },
            "requestId": "{{requestId}}",
            "routeKey": "POST /products",
            "stage": "dev",
            "time": "04/Dec/2024:08:13:20 +0000",
            "timeEpoch": 1733300000000
          },
          "body": "{\"name\":\"Lamp\",\"price\":1}",
          "isBase64Encoded": false
        }
        """;

    /// <summary>A REST API proxy request through a Cognito user pool authorizer given an ID token.</summary>
    public static string RestApiCognitoPost(string requestId) => $$"""
        {
          "resource": "/products",
          "path": "/products",
          "httpMethod": "POST",
          "headers": { "Authorization": "eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.e30.c2ln", "Content-Type": "application/json" },
          "multiValueHeaders": null,
          "queryStringParameters": null,
          "multiValueQueryStringParameters": null,
          "pathParameters": null,
          "stageVariables": null,
          "requestContext": {
            "accountId": "123456789012",
            "resourceId": "roq9wj",
            "stage": "prod",
            "requestId": "{{requestId}}",
            "requestTimeEpoch": 1583349317135,
            "authorizer": {
              "claims": {
                "aud": "4m3ak7fsqva7kokbkfl2vexample",
                "auth_time": "1583349300",
                "cognito:username": "jane",
                "email": "jane@example.com",
                "email_verified": "false",
                "event_id": "2b7f7326-4fef-95cd-ae06-665169a7example",
                "exp": "Wed Mar 04 20:15:00 UTC 2020",
                "iat": "Wed Mar 04 19:15:00 UTC 2020",
                "iss": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example1",
                "sub": "fd1666d8-260b-4c1c-a5b6-466d4b42bd77",
                "token_use": "id"
              }
            },
            "identity": { "sourceIp": "192.0.2.10", "userAgent": "curl/8.5.0" },
            "resourcePath": "/products",
            "httpMethod": "POST",
            "apiId": "gy415nuibc"
          },
          "body": "{}",
          "isBase64Encoded": false
        }
        """;

    /// <summary>Payload 1.0 from an HTTP API JWT authorizer: claims and scopes directly under authorizer.</summary>
    public static string HttpApiJwtPayloadV1(string requestId) => $$"""
        {
          "version": "1.0",
          "resource": "/products",
          "path": "/products",
          "httpMethod": "POST",
          "headers": { "authorization": "Bearer x.y.z" },
          "requestContext": {
            "requestId": "{{requestId}}",
            "stage": "$default",
            "authorizer": {
              "claims": {
                "aud": "some.api",
                "exp": "1612061676",
                "iss": "https://tenant.example.com/",
                "scope": "get:data products/write",
                "sub": "auth0|5fe435b5cbbc85006b071eba"
              },
              "scopes": null
            },
            "identity": { "sourceIp": "192.0.2.10" }
          },
          "body": null,
          "isBase64Encoded": false
        }
        """;
}
