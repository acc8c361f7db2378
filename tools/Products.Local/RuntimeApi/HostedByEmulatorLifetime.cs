using Microsoft.Extensions.Hosting;

namespace Products.Local.RuntimeApi;

/// <summary>
/// Replaces the default console lifetime, which would hook Ctrl+C and SIGTERM for every Runtime API server: the emulator
/// owns shutdown and disposes its servers itself.
/// </summary>
internal sealed class HostedByEmulatorLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
