using ScottPlot;

namespace Products.Bench;

/// <summary>docs/benchmarks.png: cold start p50 per function and variant, split into init and first invocation.</summary>
internal static class ChartRenderer
{
    private static readonly Color InitColor = Colors.SteelBlue;
    private static readonly Color InvocationColor = Colors.Orange;

    public static void Save(IReadOnlyList<TargetResult> results, string path)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        var functions = results.Select(r => r.Target.Function).Distinct().ToList();
        var variants = results.Select(r => r.Target.Variant).Distinct().ToList();
        for (var f = 0; f < functions.Count; f++)
        {
            for (var v = 0; v < variants.Count; v++)
            {
                var result = results.FirstOrDefault(r => r.Target.Function == functions[f] && r.Target.Variant == variants[v]);
                if (result is null)
                {
                    continue;
                }

                var position = (f * (variants.Count + 1)) + v;
                var init = result.ColdInit.P50;
                var first = result.ColdFirstInvocation.P50;
                bars.Add(new Bar { Position = position, ValueBase = 0, Value = init, FillColor = InitColor });
                bars.Add(new Bar { Position = position, ValueBase = init, Value = init + first, FillColor = InvocationColor });
                ticks.Add(new Tick(position, $"{functions[f].Label}\n{variants[v].Label}"));
            }
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0);
        plot.Title("Cold start p50: spawn → first response (ms)");
        plot.YLabel("ms");
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "init (spawn → first next)", FillColor = InitColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "first invocation", FillColor = InvocationColor });
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.ShowLegend();
        plot.SavePng(path, 1100, 520);
    }
}
