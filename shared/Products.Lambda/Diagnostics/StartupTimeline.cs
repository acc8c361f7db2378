using System.Diagnostics;

namespace Products.Lambda.Diagnostics;

/// <summary>
/// Timestamps of one cold start, from the runtime's start to the first response posted: where a first invocation's
/// time goes. Off unless <see cref="Enable"/> was called (the functions do at debug log level); when off, a
/// <see cref="Mark"/> is one static read and nothing else is installed. The first mark of each name wins, so the
/// timeline describes the first request of each kind, not later ones.
/// </summary>
public static class StartupTimeline
{
    private static readonly Lock Gate = new();
    private static readonly List<StartupMark> Marks = [];
    private static long _origin;
    private static bool _enabled;
    private static Action<IReadOnlyList<StartupMark>>? _completed;

    /// <summary>True once <see cref="Enable"/> was called.</summary>
    public static bool IsEnabled => Volatile.Read(ref _enabled);

    /// <summary>Starts recording; the timeline's zero is now (call it first thing in <c>Main</c>).</summary>
    /// <param name="completed">Gets the marks once, when <see cref="Complete"/> is called.</param>
    public static void Enable(Action<IReadOnlyList<StartupMark>> completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        lock (Gate)
        {
            _origin = Stopwatch.GetTimestamp();
            _completed = completed;
            Marks.Clear();
            Volatile.Write(ref _enabled, true);
        }
    }

    /// <summary>Records that <paramref name="name"/> happened now, unless it already did.</summary>
    public static void Mark(string name)
    {
        if (!Volatile.Read(ref _enabled))
        {
            return;
        }

        var at = Stopwatch.GetTimestamp();
        lock (Gate)
        {
            if (_completed is not null && !Marks.Exists(m => m.Name == name))
            {
                Marks.Add(new StartupMark(name, Stopwatch.GetElapsedTime(_origin, at).TotalMilliseconds));
            }
        }
    }

    /// <summary>
    /// Records a span measured elsewhere (e.g. the own time of an SDK pipeline handler), unless one of that name exists.
    /// </summary>
    public static void Span(string name, TimeSpan duration, long startedAt)
    {
        if (!Volatile.Read(ref _enabled))
        {
            return;
        }

        lock (Gate)
        {
            if (_completed is not null && !Marks.Exists(m => m.Name == name))
            {
                Marks.Add(new StartupMark(
                    name, Stopwatch.GetElapsedTime(_origin, startedAt).TotalMilliseconds, duration.TotalMilliseconds));
            }
        }
    }

    /// <summary>Ends the timeline (the first response is posted) and hands the marks over once.</summary>
    public static void Complete()
    {
        if (!Volatile.Read(ref _enabled))
        {
            return;
        }

        Action<IReadOnlyList<StartupMark>>? completed;
        StartupMark[] marks;
        lock (Gate)
        {
            completed = _completed;
            _completed = null;
            marks = [.. Marks.OrderBy(m => m.AtMs)];
        }

        completed?.Invoke(marks);
    }
}
