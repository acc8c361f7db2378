using Products.Lambda.Diagnostics;

namespace Products.Lambda.Tests.Runtime;

// The startup timeline is process-wide, and the bootstrap marks it: these tests share the class (no parallel runs).
public sealed partial class LambdaBootstrapTests
{
    [Fact]
    public void Timeline_FirstMarkOfANameWins_HandsTheMarksOverOnceInTimeOrder()
    {
        IReadOnlyList<StartupMark>? handed = null;
        var handovers = 0;
        StartupTimeline.Enable(marks =>
        {
            handed = marks;
            handovers++;
        });

        StartupTimeline.Mark("test.first");
        StartupTimeline.Span("test.span", TimeSpan.FromMilliseconds(3), System.Diagnostics.Stopwatch.GetTimestamp());
        StartupTimeline.Mark("test.first");
        StartupTimeline.Mark("test.second");
        StartupTimeline.Complete();
        StartupTimeline.Complete();

        Assert.Equal(1, handovers);
        Assert.NotNull(handed);
        Assert.Equal(["test.first", "test.span", "test.second"], handed.Select(m => m.Name));
        Assert.Null(handed[0].DurationMs);
        Assert.Equal(3, handed[1].DurationMs!.Value, precision: 6);
        Assert.True(handed[0].AtMs <= handed[2].AtMs);
    }

    [Fact]
    public async Task RunAsync_TimelineOn_MarksTheColdStartPhasesUntilTheFirstResponseIsPosted()
    {
        using var timeout = new CancellationTokenSource(BootstrapRun.Patience);
        var handed = new TaskCompletionSource<IReadOnlyList<StartupMark>>(TaskCreationOptions.RunContinuationsAsynchronously);
        StartupTimeline.Enable(marks => handed.TrySetResult(marks));
        await using var run = await BootstrapRun.StartAsync(
            (_, _) => Task.FromResult<ReadOnlyMemory<byte>>("{}"u8.ToArray()), timeout.Token);

        await run.Server.InvokeAsync("{}"u8.ToArray(), Settings(), timeout.Token);
        var marks = await handed.Task.WaitAsync(timeout.Token);

        Assert.Equal(
            ["init.start", "init.end", "next.requested", "next.received", "handler.returned", "response.posted"],
            marks.Select(m => m.Name));
        Assert.Equal(marks.OrderBy(m => m.AtMs), marks);
    }
}
