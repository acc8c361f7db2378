namespace Products.Lambda.Http;

/// <summary>One reason a request was rejected, tied to the input field it concerns.</summary>
/// <param name="Field">The field name as the client wrote it (for example <c>price</c> or <c>limit</c>).</param>
/// <param name="Problem">What is wrong, in words a client developer can act on.</param>
public sealed record FieldError(string Field, string Problem);
