using System.Net;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Products.Testing;

namespace Products.Emulator.Tests.EndToEnd;

/// <summary>
/// <c>Idempotency-Key</c> on POST /products over the local API: the template's idempotency table in dynalite, the
/// packaged functions as processes, HTTP in front. Retries after a killed function, concurrent duplicates and a restart
/// must all end with one product per key, answered identically.
/// </summary>
[Collection(EditedTemplateApi.Name)]
public sealed class IdempotencyTests(EditedTemplateApi.Fixture api)
{
    private const string Create = "CreateProductFunction";
    private const string ProductsTable = "products-dev";
    private const string IdempotencyTable = "products-idempotency-dev";

    [Fact]
    public async Task Retry_AfterTheFunctionWasKilledMidCreate_AnswersTheReservedProduct_AndStoresOnlyIt()
    {
        var name = $"e2e-killed-{Guid.NewGuid():N}";
        var key = "killed-" + Guid.NewGuid().ToString("N");
        // A keyed create first, so an environment is warm and the retention setting is cached.
        Assert.Equal(HttpStatusCode.Created, (await CreateWithKeyAsync(api.Client, $"e2e-warm-{Guid.NewGuid():N}", "warm-" + Guid.NewGuid().ToString("N"))).Status);
        var victims = api.IdleProcessIds(Create).ToList();
        Assert.NotEmpty(victims);

        // DynamoDB frozen: the create hangs inside its first write (the INPROGRESS record), where the process is killed.
        api.PauseDynamoDb();
        ApiAnswer killed;
        try
        {
            var pending = CreateWithKeyAsync(api.Client, name, key);
            Assert.True(await Lambda.Eventually.TrueAsync(() => api.Counters(Create).Busy == 1), "the request never reached the function");
            // Not a timing assertion: time for the function to send its write before it dies (if it has not, the retry
            // simply finds no record).
            await Task.Delay(TimeSpan.FromSeconds(1));
            victims.ForEach(ProcessSignals.Kill);
            killed = await pending;
        }
        finally
        {
            api.ResumeDynamoDb();
        }

        Assert.Equal(HttpStatusCode.BadGateway, killed.Status);
        var reserved = await ReservedProductIdAsync(key);

        // 409 while the killed attempt's deadline has not passed; then the retry takes the key over.
        var retry = await CreateUntilNotInProgressAsync(name, key);

        Assert.Equal(HttpStatusCode.Created, retry.Status);
        var id = retry.Body.GetProperty("data").GetProperty("id").GetString()!;
        if (reserved is not null)
        {
            Assert.Equal(reserved, id);
        }

        Assert.Equal([id], await ProductIdsNamedAsync(name));
        var replay = await CreateWithKeyAsync(api.Client, name, key);
        Assert.Equal(retry.Text, replay.Text);
        Assert.Equal("true", replay.Header("Idempotent-Replayed"));
    }

    [Fact]
    public async Task EightConcurrentRequestsWithOneKey_CreateExactlyOneProduct_AndAllAcknowledgeIt()
    {
        var name = $"e2e-concurrent-{Guid.NewGuid():N}";
        var key = "concurrent-" + Guid.NewGuid().ToString("N");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => CreateUntilNotInProgressAsync(name, key)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Created, answer.Status));
        Assert.Single(answers.Select(answer => answer.Text).Distinct());
        Assert.Equal(7, answers.Count(answer => answer.Header("Idempotent-Replayed") == "true"));
        var id = answers[0].Body.GetProperty("data").GetProperty("id").GetString()!;
        Assert.Equal([id], await ProductIdsNamedAsync(name));
    }

    [Fact]
    public async Task Replay_AfterARestartOnTheSameData_IsTheFirstAnswer()
    {
        var data = Directory.CreateTempSubdirectory("products-e2e-data-").FullName;
        try
        {
            var options = new LocalApiFixtureOptions { DataDirectory = data };
            var key = "restart-" + Guid.NewGuid().ToString("N");
            var name = $"e2e-restart-key-{Guid.NewGuid():N}";
            ApiAnswer first;
            await using (var before = new LocalApiFixture(options))
            {
                await before.InitializeAsync();
                first = await CreateWithKeyAsync(before.Client, name, key);
            }

            await using var after = new LocalApiFixture(options);
            await after.InitializeAsync();

            var replay = await CreateWithKeyAsync(after.Client, name, key);

            Assert.Equal(HttpStatusCode.Created, first.Status);
            Assert.Null(first.Header("Idempotent-Replayed"));
            Assert.Equal(HttpStatusCode.Created, replay.Status);
            Assert.Equal("true", replay.Header("Idempotent-Replayed"));
            Assert.Equal(first.Text, replay.Text);
            Assert.Equal(first.Header("Location"), replay.Header("Location"));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static Task<ApiAnswer> CreateWithKeyAsync(HttpClient client, string name, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "products")
        {
            Content = ProductsClient.Json(new JsonObject { ["name"] = name, ["price"] = 12.5m, ["category"] = "e2e" }.ToJsonString()),
        };
        request.Headers.Add("Idempotency-Key", key);
        return ProductsClient.SendAsync(client, request);
    }

    // What a client does with the key's answers: 409 (in progress) and 429 (throttled) are retried after a pause, with the
    // same key; anything else is the answer. Bounded well past the edited template's 6 s timeout.
    private async Task<ApiAnswer> CreateUntilNotInProgressAsync(string name, string key)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await CreateWithKeyAsync(api.Client, name, key);
            if (answer.Status is not (HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests) || attempt == 120)
            {
                return answer;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private AmazonDynamoDBClient NewClient() => new(
        new BasicAWSCredentials("e2e", "e2e"),
        new AmazonDynamoDBConfig { ServiceURL = api.DynamoDbEndpoint.ToString(), AuthenticationRegion = "us-east-1" });

    // The product the key's record reserved, or null when the killed attempt's write never reached DynamoDB.
    private async Task<string?> ReservedProductIdAsync(string key)
    {
        using var client = NewClient();
        var records = await ScanAsync(client, IdempotencyTable);
        var recordId = Products.Data.Idempotency.IdempotencyRecordId.For("CreateProduct", LocalApiFixture.WriterSubject, key);
        return records.FirstOrDefault(item => item["id"].S == recordId)?.GetValueOrDefault("productId")?.S;
    }

    private async Task<List<string>> ProductIdsNamedAsync(string name)
    {
        using var client = NewClient();
        return [.. (await ScanAsync(client, ProductsTable)).Where(item => item["name"].S == name).Select(item => item["id"].S)];
    }

    private static async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(AmazonDynamoDBClient client, string table)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true, ExclusiveStartKey = start });
            items.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        return items;
    }
}
