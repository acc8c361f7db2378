namespace Products.Emulator.Tests.Ssm;

/// <summary>The shape of the settings parameter, read through source-generated JSON.</summary>
public sealed record TestSettings(int DefaultPageSize, int MaxPageSize);
