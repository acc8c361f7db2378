namespace Products.Emulator.Ssm;

/// <summary>One stored parameter; Version starts at 1 and grows with each change, as in Parameter Store.</summary>
public sealed record LocalParameter(
    string Name,
    LocalParameterType Type,
    string Value,
    long Version,
    DateTimeOffset LastModified);
