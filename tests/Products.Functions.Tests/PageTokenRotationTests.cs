using Products.Functions.Tests.Harness;

namespace Products.Functions.Tests;

/// <summary>
/// Page tokens are signed with the Secrets Manager key; after a rotation, tokens signed with the previous key
/// (AWSPREVIOUS) stay valid until the next rotation.
/// </summary>
public sealed class PageTokenRotationTests(PageTokenRotationTests.UncachedParametersFixture functions)
    : IClassFixture<PageTokenRotationTests.UncachedParametersFixture>
{
    [Fact]
    public async Task List_TokenFromBeforeARotation_IsAccepted_UntilTheNextRotation()
    {
        for (var i = 0; i < 3; i++)
        {
            await functions.PostAsync(new { name = $"Rotating {i}", price = i }, PayloadFormat.V2);
        }

        var token = await FirstPageTokenAsync();

        functions.Parameters.RotateSecret(FunctionsFixture.TokenSecretId);
        var afterOneRotation = await functions.ListAsync(PayloadFormat.V2, new("limit", "1"), new("nextToken", token));
        var freshToken = await FirstPageTokenAsync();
        functions.Parameters.RotateSecret(FunctionsFixture.TokenSecretId);
        var afterTwoRotations = await functions.ListAsync(PayloadFormat.V2, new("limit", "1"), new("nextToken", token));

        Assert.Equal(200, afterOneRotation.StatusCode);
        Assert.NotEqual(token, freshToken);
        Assert.Equal(400, afterTwoRotations.StatusCode);
        Assert.Equal("Invalid nextToken", afterTwoRotations.Json.GetProperty("message").GetString());
    }

    private async Task<string> FirstPageTokenAsync()
    {
        var page = await functions.ListAsync(PayloadFormat.V2, new KeyValuePair<string, string>("limit", "1"));
        return page.Json.GetProperty("nextToken").GetString()!;
    }

    /// <summary>Parameters cache max age 0, so a rotation is seen on the next request instead of within 5 s.</summary>
    public sealed class UncachedParametersFixture : FunctionsFixture
    {
        protected override void Configure(IDictionary<string, string> environment) =>
            environment["POWERTOOLS_PARAMETERS_MAX_AGE"] = "0";
    }
}
