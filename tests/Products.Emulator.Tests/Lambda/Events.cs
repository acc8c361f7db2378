using System.Text;
using System.Text.Json;

namespace Products.Emulator.Tests.Lambda;

/// <summary>Events for <see cref="NodeFunction"/> and readers for its answers.</summary>
internal static class Events
{
    public static byte[] Echo(string marker = "") => Json($$"""{"action":"echo","marker":"{{marker}}"}""");

    public static byte[] Sleep(int milliseconds) => Json($$"""{"action":"sleep","ms":{{milliseconds}}}""");

    public static byte[] Crash() => Json("""{"action":"crash"}""");

    public static byte[] Error() => Json("""{"action":"error"}""");

    public static byte[] Huge() => Json("""{"action":"huge"}""");

    public static byte[] Print(string[] stdout, string[] stderr) =>
        JsonSerializer.SerializeToUtf8Bytes(new PrintEvent("print", stdout, stderr), PoolTestJsonContext.Default.PrintEvent);

    public static int Pid(ReadOnlyMemory<byte> response)
    {
        using var document = JsonDocument.Parse(response);
        return document.RootElement.GetProperty("pid").GetInt32();
    }

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);
}
