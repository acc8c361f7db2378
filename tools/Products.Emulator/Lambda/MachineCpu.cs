using System.Globalization;

namespace Products.Emulator.Lambda;

/// <summary>
/// How busy this machine's CPUs were over the last second, from Linux's <c>/proc/stat</c> (proc(5): the first line's
/// jiffies per state), sampled four times a second. Elsewhere (no /proc/stat) it never reports the machine busy.
/// </summary>
internal sealed class MachineCpu : IDisposable
{
    private const string StatPath = "/proc/stat";
    private static readonly TimeSpan SamplePeriod = TimeSpan.FromMilliseconds(250);
    private const int Window = 4; // samples: one second

    private readonly ITimer? _timer;
    private readonly Lock _lock = new();
    private readonly Queue<(long Total, long Idle)> _samples = new();

    public MachineCpu(TimeProvider time)
    {
        if (Read() is null)
        {
            return;
        }

        _timer = time.CreateTimer(_ => Sample(), null, TimeSpan.Zero, SamplePeriod);
    }

    /// <summary>
    /// Idle cores over the last second (of <see cref="Environment.ProcessorCount"/>); null before two samples or
    /// where the machine does not say.
    /// </summary>
    public double? IdleCores
    {
        get
        {
            lock (_lock)
            {
                if (_samples.Count < 2)
                {
                    return null;
                }

                var (firstTotal, firstIdle) = _samples.Peek();
                var (lastTotal, lastIdle) = _samples.Last();
                var total = lastTotal - firstTotal;
                return total <= 0 ? null : Environment.ProcessorCount * (double)(lastIdle - firstIdle) / total;
            }
        }
    }

    public void Dispose() => _timer?.Dispose();

    private void Sample()
    {
        if (Read() is not { } sample)
        {
            return;
        }

        lock (_lock)
        {
            _samples.Enqueue(sample);
            while (_samples.Count > Window + 1)
            {
                _samples.Dequeue();
            }
        }
    }

    /// <summary>
    /// The "cpu" line: user nice system idle iowait irq softirq steal. Idle, iowait and nice count as idle: niced work
    /// (a background build) gives way to the emulator's processes, so those cores are there to take.
    /// </summary>
    private static (long Total, long Idle)? Read()
    {
        try
        {
            using var reader = new StreamReader(StatPath);
            var line = reader.ReadLine();
            if (line is null || !line.StartsWith("cpu ", StringComparison.Ordinal))
            {
                return null;
            }

            var fields = line[4..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Take(8).Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
            return fields.Length < 5 ? null : (fields.Sum(), fields[1] + fields[3] + fields[4]);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
