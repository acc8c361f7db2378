using Products.Emulator.Lambda;

namespace Products.Bench;

/// <summary>One function in one variant: how to start it, what to send it, how big its packages are.</summary>
/// <param name="LayerZipBytes">The layer it needs (null: none).</param>
public sealed record BenchTarget(
    BenchFunction Function,
    Variant Variant,
    FunctionLaunchSpec Spec,
    byte[] Event,
    long FunctionZipBytes,
    long? LayerZipBytes);
