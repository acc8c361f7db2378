namespace Products.Lambda.Tests.Runtime;

internal sealed record RecordedRequest(string Method, string Path, string? ContentType, string? FunctionErrorType);
