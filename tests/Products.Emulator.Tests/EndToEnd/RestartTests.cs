using System.Net;
using Products.Testing;

namespace Products.Emulator.Tests.EndToEnd;

public sealed class RestartTests
{
    [Fact]
    public async Task Restart_OnTheSameDataDirectory_KeepsTheProducts()
    {
        var data = Directory.CreateTempSubdirectory("products-e2e-data-").FullName;
        try
        {
            var options = new LocalApiFixtureOptions { DataDirectory = data };
            string id;
            await using (var first = new LocalApiFixture(options))
            {
                await first.InitializeAsync();
                var created = await ProductsClient.CreateAsync(first.Client, $"e2e-restart-{Guid.NewGuid():N}");
                Assert.Equal(HttpStatusCode.Created, created.Status);
                id = created.Body.GetProperty("data").GetProperty("id").GetString()!;
            }

            await using var second = new LocalApiFixture(options);
            await second.InitializeAsync();

            var read = await ProductsClient.GetAsync(second.Client, id);

            Assert.Equal(HttpStatusCode.OK, read.Status);
            Assert.Equal(id, read.Body.GetProperty("data").GetProperty("id").GetString());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
