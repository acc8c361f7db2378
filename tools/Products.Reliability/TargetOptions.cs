using System.CommandLine;
using Products.Emulator.Hosting;
using Products.Reliability.Target;
using Products.Tooling;

namespace Products.Reliability;

/// <summary>The options every suite shares: which API to test and how to host it.</summary>
internal sealed class TargetOptions
{
    public Option<Uri?> Url { get; } = new("--url") { Description = "Test the API at this URL instead of hosting the local API in this process (faults need the hosted one)" };

    public Option<Uri?> DynamoDbEndpoint { get; } = new("--dynamodb-endpoint") { Description = "With --url: the DynamoDB endpoint behind it, to verify the table" };

    public Option<string?> Table { get; } = new("--table") { Description = "With --url: the table behind it" };

    public Option<string> Region { get; } = new("--region") { Description = "With --url: the table's region", DefaultValueFactory = _ => "us-east-1" };

    public Option<string?> Token { get; } = new("--token") { Description = "With --url: a bearer token with scope products/write for the writes (e.g. from `dotnet run --project tools/Products.Local -- token`)" };

    public Option<BuildMode> Build { get; } = new("--build") { Description = "How the hosted API builds its functions: packaged (what SAM deploys, default), project or prebuilt", DefaultValueFactory = _ => BuildMode.Packaged };

    public Option<int> MaxConcurrency { get; } = new("--max-concurrency") { Description = "Execution environments per function of the hosted API", DefaultValueFactory = _ => 10 };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Show the emulator's progress and the functions' logs" };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(DynamoDbEndpoint);
        command.Options.Add(Table);
        command.Options.Add(Region);
        command.Options.Add(Token);
        command.Options.Add(Build);
        command.Options.Add(MaxConcurrency);
        command.Options.Add(Verbose);
    }

    public async Task<ApiTarget> StartAsync(ParseResult result, CancellationToken ct)
    {
        if (result.GetValue(Url) is { } url)
        {
            return ApiTarget.AtUrl(url, result.GetValue(DynamoDbEndpoint), result.GetValue(Table), result.GetValue(Region)!, result.GetValue(Token));
        }

        var verbose = result.GetValue(Verbose);
        Console.WriteLine("starting the local API (build, dynalite on disk in a fresh folder, functions) ...");
        return await ApiTarget.StartLocalAsync(
            new LocalTargetOptions
            {
                RepositoryRoot = RepositoryLayout.FindRoot(AppContext.BaseDirectory),
                Build = result.GetValue(Build),
                MaxConcurrency = result.GetValue(MaxConcurrency),
                Progress = verbose ? Console.WriteLine : line =>
                {
                    if (line.StartsWith("build:", StringComparison.Ordinal))
                    {
                        Console.WriteLine(line);
                    }
                },
                FunctionLogs = verbose,
            },
            ct);
    }
}
