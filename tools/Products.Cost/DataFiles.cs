using System.Text.Json;
using Products.Cost.Model;
using Products.Cost.Pricing;

namespace Products.Cost;

/// <summary>The tool's two data files, copied next to it: the dated prices and the measured inputs.</summary>
public static class DataFiles
{
    public const string PricesFile = "prices.us-east-1.json";
    public const string MeasuredFile = "measured.json";

    public static PriceBook LoadPrices(string? path = null)
    {
        var prices = Load(path ?? Path.Combine(AppContext.BaseDirectory, PricesFile), CostJsonContext.Default.PriceBook);
        prices.Validate();
        return prices;
    }

    public static MeasuredInputs LoadMeasured(string? path = null)
    {
        var measured = Load(path ?? Path.Combine(AppContext.BaseDirectory, MeasuredFile), CostJsonContext.Default.MeasuredInputs);
        measured.Validate();
        return measured;
    }

    private static T Load<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, type) ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
