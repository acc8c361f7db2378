namespace Products.Emulator.Lambda;

/// <summary>
/// Environments a pool took out of service, being stopped in the background. The pool registers
/// <see cref="Completion"/> before <see cref="Start"/> so its dispose can wait for every process to be gone.
/// </summary>
internal sealed class Retirement(IReadOnlyList<ExecutionEnvironment> environments, Action<int> onStopped)
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ExecutionEnvironment> Environments => environments;

    public Task Completion => _completion.Task;

    public void Start() => _ = StopAsync();

    private async Task StopAsync()
    {
        try
        {
            await Task.WhenAll(environments.Select(environment => environment.DisposeAsync().AsTask()));
        }
        finally
        {
            onStopped(environments.Count);
            _completion.TrySetResult();
        }
    }
}
