using System.Net;

namespace Products.Emulator.Tests.EndToEnd;

[Collection(SharedApi.Name)]
public sealed class PagingTests(SharedApi.Fixture api)
{
    [Fact]
    public async Task List_PagedByTwo_ReturnsEveryProductExactlyOnceOverAtLeastThreePages()
    {
        var mine = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var created = await ProductsClient.CreateAsync(api.Client, $"e2e-page-{i}-{Guid.NewGuid():N}");
            Assert.Equal(HttpStatusCode.Created, created.Status);
            mine.Add(created.Body.GetProperty("data").GetProperty("id").GetString()!);
        }

        var pages = await ProductsClient.ListAllPagesAsync(api.Client, limit: 2);

        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        Assert.All(pages, page => Assert.InRange(page.Count, 0, 2));
        var seen = pages.SelectMany(page => page).Select(p => p.GetProperty("id").GetString()!).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(mine, id => Assert.Contains(id, seen));
    }
}
