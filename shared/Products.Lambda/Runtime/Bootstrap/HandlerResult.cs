namespace Products.Lambda.Runtime;

/// <summary>What one handler call produced: a response, or the error to report instead.</summary>
internal sealed record HandlerResult(ReadOnlyMemory<byte> Response, LambdaError? Error);
