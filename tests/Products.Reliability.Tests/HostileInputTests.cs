using Products.Reliability.Hostile;

namespace Products.Reliability.Tests;

[Collection(SharedHostedApi.Name)]
public sealed class HostileInputTests(HostedApiFixture api)
{
    [Fact]
    public void Corpus_HasAtLeast200Requests()
    {
        Assert.True(HostileCorpus.All().Count >= 200, $"{HostileCorpus.All().Count} requests");
    }

    [Fact]
    public async Task Corpus_EveryRequestGetsA4xxJsonErrorNamingTheProblem_NoLeaks_TableUnchanged()
    {
        var report = await new HostileSuite(api.Target).RunAsync(HostileCorpus.All(api.HostedApi.Issuer), CancellationToken.None);

        Assert.True(report.Passed, report.Format());
        Assert.Equal(0, report.ServerErrors);
        Assert.True(report.TableUnchanged);
    }
}
