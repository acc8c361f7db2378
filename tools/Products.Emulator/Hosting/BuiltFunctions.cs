namespace Products.Emulator.Hosting;

/// <summary>Where each function's runnable code is, and where /opt (the layers) is for the packaged build.</summary>
/// <param name="FunctionDirectories">Function logical id → folder standing in for /var/task.</param>
/// <param name="OptDirectory">Folder standing in for /opt; null when functions carry their dependencies.</param>
public sealed record BuiltFunctions(IReadOnlyDictionary<string, string> FunctionDirectories, string? OptDirectory);
