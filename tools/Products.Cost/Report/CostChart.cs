using Products.Cost.Model;
using ScottPlot;

namespace Products.Cost.Report;

/// <summary>docs/cost.png: cost per million requests at each traffic level, per API type and architecture (512 MB).</summary>
internal static class CostChart
{
    private static readonly Color[] Palette = [Colors.SteelBlue, Colors.LightSkyBlue, Colors.DarkOrange, Colors.NavajoWhite];

    public static void Save(CostCalculator calculator, string path)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        var columns = CostScenarios.Columns;
        for (var t = 0; t < CostScenarios.TrafficLevels.Count; t++)
        {
            var requests = CostScenarios.TrafficLevels[t];
            for (var c = 0; c < columns.Count; c++)
            {
                var estimate = calculator.Estimate(CostScenarios.Shipped with
                {
                    RequestsPerMonth = requests,
                    Api = columns[c].Api,
                    Architecture = columns[c].Architecture,
                });
                var position = (t * (columns.Count + 1)) + c;
                bars.Add(new Bar { Position = position, Value = (double)estimate.UsdPerMillionRequests, FillColor = Palette[c] });
            }

            ticks.Add(new Tick((t * (columns.Count + 1)) + ((columns.Count - 1) / 2.0), $"{CostReport.Requests(requests)} requests/month"));
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0);
        plot.Title($"USD per million requests, {CostScenarios.Shipped.MemoryMb} MB, measured durations, log level {CostScenarios.Shipped.LogLevel}, no free tier");
        plot.YLabel("USD per million requests");
        for (var c = 0; c < columns.Count; c++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = CostScenarios.Label(columns[c]), FillColor = Palette[c] });
        }

        plot.Legend.Alignment = Alignment.UpperRight;
        plot.ShowLegend();
        plot.SavePng(path, 1000, 500);
    }
}
