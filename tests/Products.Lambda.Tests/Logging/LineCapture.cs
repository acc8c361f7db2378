using System.Text;
using System.Text.Json;
using Products.Lambda.Logging;

namespace Products.Lambda.Tests.Logging;

/// <summary>A sink over memory, and the lines written to it parsed as JSON (used by the Logging and Metrics tests).</summary>
internal sealed class LineCapture : IDisposable
{
    private readonly MemoryStream _stream = new();

    public LineCapture() => Sink = new JsonLineSink(_stream);

    public JsonLineSink Sink { get; }

    public void Dispose() => _stream.Dispose();

    public string Text => Encoding.UTF8.GetString(_stream.ToArray());

    public IReadOnlyList<string> Lines()
    {
        var text = Text;
        Assert.True(text.Length == 0 || text.EndsWith('\n'), "every line ends with a newline");
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Every line, parsed; a line that is not one JSON object fails the test.</summary>
    public IReadOnlyList<JsonElement> Documents() => Lines().Select(Parse).ToList();

    private static JsonElement Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        return document.RootElement.Clone();
    }
}
