using System.Diagnostics;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Products.Lambda.Diagnostics;

/// <summary>
/// Puts a timer in front of every handler of an AWS SDK client's request pipeline (identity/credentials, endpoint
/// resolution, marshalling, retry, signing, HTTP, unmarshalling...), through the SDK's own extension point
/// (RuntimePipelineCustomizerRegistry), and records each handler's own time of the first request as a
/// <see cref="StartupTimeline"/> span <c>sdk.&lt;Client&gt;.&lt;Handler&gt;</c>. Registered only while the timeline is
/// on: clients built without it have the SDK's pipeline untouched.
/// </summary>
internal sealed class SdkPipelineTiming : IRuntimePipelineCustomizer
{
    private static int _registered;

    public string UniqueName => "Products.Lambda.StartupTimeline";

    /// <summary>Applies to every SDK client created from now on.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            RuntimePipelineCustomizerRegistry.Instance.Register(new SdkPipelineTiming());
        }
    }

    public void Customize(Type serviceClientType, RuntimePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(serviceClientType);
        ArgumentNullException.ThrowIfNull(pipeline);
        var client = serviceClientType.Name.Replace("Amazon", string.Empty, StringComparison.Ordinal)
            .Replace("Client", string.Empty, StringComparison.Ordinal);
        // Between every handler and the one outside it (the outermost has nothing outside it and stays untimed).
        TimedHandler? outerTimer = null;
        for (var handler = pipeline.Handler.InnerHandler; handler is not null; handler = handler.InnerHandler)
        {
            var outer = handler.OuterHandler;
            var timer = new TimedHandler($"sdk.{client}.{HandlerName(handler)}") { OuterHandler = outer, InnerHandler = handler };
            outer.InnerHandler = timer;
            handler.OuterHandler = timer;
            if (outerTimer is not null)
            {
                outerTimer.InnerTimer = timer;
            }

            outerTimer = timer;
        }
    }

    private static string HandlerName(IPipelineHandler handler)
    {
        var name = handler.GetType().Name;
        var generic = name.IndexOf('`', StringComparison.Ordinal);
        return generic < 0 ? name : name[..generic];
    }

    /// <summary>Times its inner handler; the handler's own time is its span minus the next timer's span.</summary>
    private sealed class TimedHandler(string name) : PipelineHandler
    {
        private int _recorded;

        public TimedHandler? InnerTimer { get; set; }

        public TimeSpan? FirstSpan { get; private set; }

        public override void InvokeSync(IExecutionContext executionContext)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                base.InvokeSync(executionContext);
            }
            finally
            {
                Record(started);
            }
        }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                return await base.InvokeAsync<T>(executionContext);
            }
            finally
            {
                Record(started);
            }
        }

        private void Record(long started)
        {
            if (Interlocked.Exchange(ref _recorded, 1) != 0)
            {
                return;
            }

            var span = Stopwatch.GetElapsedTime(started);
            FirstSpan = span;
            StartupTimeline.Span(name, span - (InnerTimer?.FirstSpan ?? TimeSpan.Zero), started);
        }
    }
}
