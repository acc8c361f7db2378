namespace Products.Tooling;

/// <summary>
/// A lock shared by every process on this machine: an exclusive lock on a file (<see cref="FileShare.None"/> takes an
/// exclusive flock on Unix, honoured by every .NET process). It serializes installs that several test processes may
/// start at once (npm ci, apt-get); whoever waits re-checks afterwards and usually finds the work done.
/// </summary>
public static class ExclusiveFileLock
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Waits for the lock on <paramref name="path"/>; it is held until the returned stream is disposed.</summary>
    /// <exception cref="TimeoutException">Another process held it for longer than <paramref name="timeout"/>.</exception>
    public static async Task<FileStream> AcquireAsync(string path, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(PollInterval, ct).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new TimeoutException(
                    $"Waited {timeout.TotalMinutes:0.#} minutes for another process holding the lock {path}.", e);
            }
        }
    }
}
