using System.Text;
using System.Text.Json;
using Products.Emulator.Lambda;

namespace Products.Bench;

/// <summary>A sample only counts when the function answered with a 2xx API Gateway response.</summary>
internal static class ResponseCheck
{
    /// <exception cref="InvalidOperationException">Anything else, with what the function said.</exception>
    public static PoolInvokeResult.Succeeded Require(BenchTarget target, PoolInvokeResult result, QuietLogSink logs)
    {
        if (result is PoolInvokeResult.Succeeded succeeded)
        {
            var status = StatusCode(succeeded.Response.Span);
            if (status is >= 200 and < 300)
            {
                return succeeded;
            }

            throw new InvalidOperationException(
                $"{target.Function.Label} ({target.Variant.Label}) answered {status}: {Encoding.UTF8.GetString(succeeded.Response.Span)}");
        }

        throw new InvalidOperationException(
            $"{target.Function.Label} ({target.Variant.Label}) failed: {result}\n{logs.LastErrors()}");
    }

    private static int StatusCode(ReadOnlySpan<byte> response)
    {
        var reader = new Utf8JsonReader(response);
        var depth = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    depth++;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    depth--;
                    break;
                case JsonTokenType.PropertyName when depth == 1 && reader.ValueTextEquals("statusCode"u8):
                    reader.Read();
                    return reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : -1;
            }
        }

        return -1;
    }
}
