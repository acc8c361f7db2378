namespace Products.Emulator.Tests.Lambda;

/// <summary>Polls for something that happens asynchronously, with a generous limit (a safety net, never asserted on).</summary>
internal static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan? limit = null)
    {
        var until = DateTime.UtcNow + (limit ?? Patience);
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(25);
        }

        return true;
    }
}
