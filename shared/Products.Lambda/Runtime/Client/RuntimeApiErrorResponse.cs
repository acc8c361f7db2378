namespace Products.Lambda.Runtime;

/// <summary>The Runtime API's own error body ("ErrorResponse" in runtime-api.zip), e.g. on 400 or 413.</summary>
internal sealed record RuntimeApiErrorResponse(string? ErrorType, string? ErrorMessage);
