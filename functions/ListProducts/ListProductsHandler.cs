using Products.Data;
using Products.Lambda.ApiGateway;
using Products.Lambda.Http;
using Products.Lambda.Logging;
using Products.Lambda.Parameters;
using Products.Lambda.Runtime;

namespace ListProducts;

/// <summary>GET /products?limit=&amp;nextToken=: one page of a table scan, with a signed token for the next page.</summary>
internal sealed class ListProductsHandler(ProductRepository products, ListConfiguration configuration, StructuredLogger logger)
{
    private const string LimitParameter = "limit";
    private const string NextTokenParameter = "nextToken";

    public async Task<ApiResult> HandleAsync(ApiRequest request, LambdaContext context)
    {
        var ct = context.CancellationToken;
        try
        {
            var settings = await configuration.GetSettingsAsync(ct);
            var problems = new List<FieldError>(2);
            var limit = ReadLimit(request.Query, settings, problems);
            var token = ReadSingle(request.Query, NextTokenParameter, problems);
            if (problems.Count > 0)
            {
                return new ApiResult.Invalid("Invalid query parameters", problems);
            }

            return await ListAsync(limit, token, ct);
        }
        catch (ParameterProviderException exception) when (exception is not ParameterNotFoundException and not ParameterTransformException)
        {
            // SSM did not answer (throttled, unreachable): the configuration is fine, the dependency is not.
            logger.Warn("Parameter Store is unavailable", exception);
            return new ApiResult.Unavailable(TimeSpan.FromSeconds(1));
        }
    }

    private async Task<ApiResult> ListAsync(int limit, string? token, CancellationToken ct)
    {
        var outcome = await products.ListAsync(limit, token, await configuration.GetCurrentCodecAsync(ct), ct);
        if (outcome is ListOutcome.InvalidPageToken && await configuration.GetRotationCodecAsync(ct) is { } rotation)
        {
            outcome = await products.ListAsync(limit, token, rotation, ct);
        }

        return outcome switch
        {
            ListOutcome.Page page => new ApiResult.Ok(
                "Products retrieved successfully",
                JsonPayload.From(page.Items, ProductJsonContext.Default.IReadOnlyListProduct),
                page.NextToken),
            ListOutcome.InvalidPageToken => new ApiResult.Invalid("Invalid nextToken"),
            ListOutcome.Unavailable unavailable => new ApiResult.Unavailable(unavailable.RetryAfter),
            _ => throw new InvalidOperationException("Unexpected list outcome"),
        };
    }

    private static int ReadLimit(QueryParameters query, StageSettings settings, List<FieldError> problems)
    {
        var text = ReadSingle(query, LimitParameter, problems);
        if (text is null)
        {
            return settings.DefaultPageSize;
        }

        // Digits only: no sign, spaces, exponents or decimals, so "10abc", "+5" and "1e2" are refused, not guessed.
        if (text.Length <= 4 && text.All(char.IsAsciiDigit) && int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) is var limit
            && limit >= 1 && limit <= settings.MaxPageSize)
        {
            return limit;
        }

        problems.Add(new FieldError(LimitParameter, $"must be a whole number from 1 to {settings.MaxPageSize}"));
        return 0;
    }

    private static string? ReadSingle(QueryParameters query, string name, List<FieldError> problems)
    {
        var values = query.GetAll(name);
        switch (values.Count)
        {
            case 0:
                return null;
            case 1 when values[0].Length > 0:
                return values[0];
            case 1:
                problems.Add(new FieldError(name, "must not be empty"));
                return null;
            default:
                problems.Add(new FieldError(name, "must be given at most once"));
                return null;
        }
    }
}
