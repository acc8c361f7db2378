namespace Products.Lambda.Runtime;

/// <summary>
/// Handles one invocation: gets the raw event and its context, returns the raw response. Throwing reports a function
/// error to Lambda (see <see cref="LambdaError"/>).
/// </summary>
public delegate Task<ReadOnlyMemory<byte>> InvocationHandler(InvocationRequest request, LambdaContext context);
