using System.Globalization;
using System.Text.Json;
using Products.Emulator.Lambda;

namespace Products.Bench;

/// <summary>
/// Where a .NET cold start's time goes: a few extra cold starts at debug log level, where the functions log their
/// startup timeline (shared/Products.Lambda/Diagnostics) once the first response is posted. Kept apart from the
/// measured samples, because the timers (and the debug level) cost a little themselves.
/// </summary>
internal sealed class TimelineRunner(ExecutionEnvironmentOptions environmentOptions)
{
    public const int Samples = 5;

    /// <summary>The phases of a cold start, from the timeline's marks (the first is measured from the spawn).</summary>
    public static readonly IReadOnlyList<(string Key, string Label, string From, string To)> Phases =
    [
        ("phase.host", "init: host start (spawn → Main)", "", "runtime.start"),
        ("phase.setup", "init: runtime setup (logger, options)", "runtime.start", "init.start"),
        ("phase.init", "init: function init (SDK clients constructed)", "init.start", "init.end"),
        ("phase.to-next", "init: → first `next`", "init.end", "next.requested"),
        ("phase.parse", "first invocation: event parsed, log context", "next.received", "event.parsed"),
        ("phase.handler", "first invocation: handler (the SDK request, rows below)", "event.parsed", "result.ready"),
        ("phase.render", "first invocation: render, metrics, log", "result.ready", "handler.returned"),
        ("phase.post", "first invocation: response post", "handler.returned", "response.posted"),
    ];

    private const string TimelineMessage = "Cold start timeline";

    /// <returns>Per target: each timeline key's samples (ms), plus <c>host</c> = spawn → runtime start.</returns>
    public async Task<Dictionary<BenchTarget, Dictionary<string, List<double>>>> RunAsync(
        IReadOnlyList<BenchTarget> targets, CancellationToken ct)
    {
        var results = new Dictionary<BenchTarget, Dictionary<string, List<double>>>();
        foreach (var target in targets.Where(t => t.Variant.IsDotnet))
        {
            var spec = target.Spec with
            {
                Environment = new Dictionary<string, string>(target.Spec.Environment, StringComparer.Ordinal)
                {
                    ["POWERTOOLS_LOG_LEVEL"] = "DEBUG",
                },
            };
            var keys = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            for (var i = 0; i < Samples; i++)
            {
                var capture = new TimelineCapture();
                var start = await ExecutionEnvironment.StartAsync(spec, environmentOptions with { LogSink = capture }, ct);
                if (start is not EnvironmentStart.Ready ready)
                {
                    throw new InvalidOperationException(((EnvironmentStart.Failed)start).Message);
                }

                await using (ready.Environment)
                {
                    await ready.Environment.InvokeAsync(target.Event, ct);
                    // The function logs its timeline right after posting the response: it may arrive just after it.
                    var line = await capture.WaitAsync(TimeSpan.FromSeconds(5), ct);
                    if (line is null)
                    {
                        throw new InvalidOperationException($"{target.Function.Label} ({target.Variant.Label}) logged no startup timeline at debug level.");
                    }

                    using var json = JsonDocument.Parse(line);
                    foreach (var property in json.RootElement.EnumerateObject())
                    {
                        if ((property.Name.StartsWith("at.", StringComparison.Ordinal) || property.Name.StartsWith("ms.", StringComparison.Ordinal))
                            && property.Value.ValueKind == JsonValueKind.Number)
                        {
                            Add(keys, property.Name, property.Value.GetDouble());
                        }
                    }

                    double? At(string name) =>
                        json.RootElement.TryGetProperty("at." + name, out var value) && value.ValueKind == JsonValueKind.Number
                            ? value.GetDouble()
                            : null;

                    // The runtime measures from its Main, the emulator from the spawn: the difference is the host's start.
                    if (At("next.requested") is { } next)
                    {
                        Add(keys, Phases[0].Key, ready.SpawnToReady.TotalMilliseconds - next);
                    }

                    foreach (var (key, _, from, to) in Phases.Skip(1))
                    {
                        if (At(from) is { } begin && At(to) is { } end)
                        {
                            Add(keys, key, end - begin);
                        }
                    }
                }
            }

            results[target] = keys;
        }

        return results;
    }

    private static void Add(Dictionary<string, List<double>> keys, string key, double value)
    {
        if (!keys.TryGetValue(key, out var values))
        {
            keys[key] = values = [];
        }

        values.Add(value);
    }

    /// <summary>Keeps the function's timeline line, drops the rest.</summary>
    private sealed class TimelineCapture : IFunctionLogSink
    {
        private readonly TaskCompletionSource<string> _line = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void WriteLine(string line, bool isError)
        {
            if (!isError && line.Contains(TimelineMessage, StringComparison.Ordinal) && line.Contains('{', StringComparison.Ordinal))
            {
                // The emulator prefixes each line with "[function name] ".
                _line.TrySetResult(line[line.IndexOf('{', StringComparison.Ordinal)..]);
            }
        }

        public async Task<string?> WaitAsync(TimeSpan patience, CancellationToken ct)
        {
            try
            {
                return await _line.Task.WaitAsync(patience, ct);
            }
            catch (TimeoutException)
            {
                return null;
            }
        }
    }

    internal static string Format(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
