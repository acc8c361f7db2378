namespace Products.Emulator.Hosting;

/// <summary>How the emulator gets each function's code.</summary>
public enum BuildMode
{
    /// <summary>
    /// The artifacts SAM deploys: the layer (runtime package store) and each function's package, built by the same
    /// Makefile targets <c>sam build</c> runs, and run with <c>DOTNET_SHARED_STORE</c> pointing at the layer.
    /// </summary>
    Packaged,

    /// <summary>
    /// Each function project's own build output (all assemblies side by side): faster to rebuild while editing code,
    /// and what the test suite uses.
    /// </summary>
    Project,

    /// <summary>Use <see cref="Project"/> output that already exists (built by the caller, e.g. a test project).</summary>
    Prebuilt,
}
