namespace Products.Lambda.Logging;

/// <summary>What the logger knows about the current invocation; replaced as a whole so readers see a consistent pair.</summary>
internal sealed record InvocationState(InvocationLogContext? Context, LogLevel MinimumLevel);
