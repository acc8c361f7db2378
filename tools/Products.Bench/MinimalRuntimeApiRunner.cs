using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Products.Emulator.Lambda;

namespace Products.Bench;

/// <summary>
/// The cross-check: one cold start of the same process, with the same variables, under MinimalRuntimeApi/
/// minimal-runtime-api.mjs (Node's http module, nothing of the emulator) instead of the emulator's Runtime API. If the
/// emulator added time to a cold start, it shows as the difference between the two in the same run.
/// </summary>
internal sealed class MinimalRuntimeApiRunner(string repositoryRoot, ExecutionEnvironmentOptions environmentOptions)
{
    private string Script => Path.Combine(repositoryRoot, "tools", "Products.Bench", "MinimalRuntimeApi", "minimal-runtime-api.mjs");

    public async Task<ColdStartSample> MeasureAsync(BenchTarget target, CancellationToken ct)
    {
        var spec = target.Spec;
        // The emulator's own variable set; the script replaces AWS_LAMBDA_RUNTIME_API with its own listener.
        var logStream = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyy/MM/dd}/[$LATEST]{Guid.NewGuid():N}");
        var variables = FunctionProcessEnvironment.Build(spec, "127.0.0.1:1", logStream, environmentOptions.HostEnvironment);
        var input = new JsonObject
        {
            ["command"] = spec.Command,
            ["args"] = new JsonArray([.. spec.Arguments.Select(a => JsonValue.Create(a))]),
            ["cwd"] = spec.WorkingDirectory,
            ["env"] = new JsonObject(variables.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value)))),
            ["event"] = Encoding.UTF8.GetString(target.Event),
            ["samples"] = 1,
        };

        using var node = new Process
        {
            StartInfo = new ProcessStartInfo("node", [Script])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        node.Start();
        await node.StandardInput.WriteAsync(input.ToJsonString().AsMemory(), ct);
        node.StandardInput.Close();
        var output = await node.StandardOutput.ReadToEndAsync(ct);
        var errors = await node.StandardError.ReadToEndAsync(ct);
        await node.WaitForExitAsync(ct);

        using var result = JsonDocument.Parse(output.Length > 0 ? output : "{}");
        var root = result.RootElement;
        if (!root.TryGetProperty("ok", out var ok) || !ok.GetBoolean())
        {
            throw new InvalidOperationException(
                $"{target.Function.Label} ({target.Variant.Label}) under the minimal Runtime API: {output} {errors}".Trim());
        }

        var response = root.GetProperty("response").GetString() ?? string.Empty;
        using var answer = JsonDocument.Parse(response);
        if (!answer.RootElement.TryGetProperty("statusCode", out var status) || status.GetInt32() is < 200 or >= 300)
        {
            throw new InvalidOperationException(
                $"{target.Function.Label} ({target.Variant.Label}) under the minimal Runtime API answered: {response}");
        }

        return new ColdStartSample(
            root.GetProperty("initMs").GetDouble(),
            root.GetProperty("firstInvocationMs").GetDouble(),
            root.TryGetProperty("peakRssBytes", out var peak) && peak.ValueKind == JsonValueKind.Number ? peak.GetInt64() : null);
    }
}
