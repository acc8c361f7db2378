using System.CommandLine;
using Products.Emulator.DynamoDb;
using Products.Emulator.Template;
using Products.Reliability.Faults;
using Products.Reliability.Hostile;
using Products.Reliability.Load;
using Products.Tooling;

namespace Products.Reliability;

/// <summary>The reliability suites: load, faults and hostile input. Exit code 0 when the suite's checks all hold.</summary>
internal static class ReliabilityCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Reliability suites for the Products API: load (AWS's demo profile), faults (DynamoDB outage, pause, function crash) and hostile input.");
        root.Subcommands.Add(LoadCommand());
        root.Subcommands.Add(FaultsCommand());
        root.Subcommands.Add(HostileCommand());
        root.Subcommands.Add(AuthorizerCostCommand());
        return root;
    }

    private static Command AuthorizerCostCommand()
    {
        var requests = new Option<int>("--requests") { Description = "Creates per side", DefaultValueFactory = _ => 1000 };
        var command = new Command("authorizer-cost", "Measures what the JWT authorizer adds to a warm POST /products: the local API with and without it, requests alternating.")
        {
            requests,
        };
        command.SetAction(async (result, ct) =>
        {
            var report = await Perf.AuthorizerCost.RunAsync(
                RepositoryLayout.FindRoot(AppContext.BaseDirectory), result.GetValue(requests), Console.WriteLine, ct);
            Console.Write(report);
            return 0;
        });
        return command;
    }

    private static Command LoadCommand()
    {
        var target = new TargetOptions();
        var rate = new Option<int>("--rate") { Description = "Virtual users arriving per second", DefaultValueFactory = _ => LoadProfile.AwsDemo.ArrivalsPerSecond };
        var duration = new Option<int>("--duration") { Description = "Seconds of arrivals", DefaultValueFactory = _ => (int)LoadProfile.AwsDemo.Duration.TotalSeconds };
        var seed = new Option<int>("--seed") { Description = "Seed of the create/list mix and prices", DefaultValueFactory = _ => 7 };
        var warmUp = new Option<int>("--warm-up") { Description = "Seconds of ramp-up to the rate before the measured arrivals (0: none)", DefaultValueFactory = _ => (int)LoadProfile.AwsDemo.WarmUp.TotalSeconds };
        foreach (var positive in new[] { rate, duration })
        {
            positive.Validators.Add(value =>
            {
                if (value.GetValueOrDefault<int>() < 1)
                {
                    value.AddError($"{positive.Name} must be 1 or more.");
                }
            });
        }

        warmUp.Validators.Add(value =>
        {
            if (value.GetValueOrDefault<int>() < 0)
            {
                value.AddError("--warm-up must be 0 or more seconds.");
            }
        });
        var command = new Command("load", "AWS's demo profile, open model: a 10 s ramp-up, then 100 arrivals/s for 60 s, 80 % create then read back, 20 % list a page; then every 201 is verified against the table.")
        {
            rate, duration, seed, warmUp,
        };
        target.AddTo(command);
        command.SetAction((result, ct) => RunAsync(target, result, async (api, token) =>
        {
            var profile = new LoadProfile(result.GetValue(rate), TimeSpan.FromSeconds(result.GetValue(duration)))
            {
                WarmUp = TimeSpan.FromSeconds(result.GetValue(warmUp)),
            };
            var report = await new LoadSuite(api).RunAsync(profile, result.GetValue(seed), token);
            Console.Write(report.Format());
            ReportServerErrors(api);
            return report.Passed;
        }, ct));
        return command;
    }

    private static Command FaultsCommand()
    {
        var target = new TargetOptions();
        var quick = new Option<bool>("--short") { Description = "Shorter phases (what the test suite runs)" };
        var command = new Command("faults", "Plays faults against the hosted API: DynamoDB engine killed mid-load and restarted, engine paused past the function timeout, a function process killed mid-request.")
        {
            quick,
        };
        target.AddTo(command);
        command.SetAction((result, ct) =>
        {
            if (result.GetValue(target.Url) is not null)
            {
                Console.Error.WriteLine("error: faults need the API hosted by this command (drop --url).");
                return Task.FromResult(2);
            }

            return RunAsync(target, result, async (api, token) =>
            {
                var report = await new FaultSuite(api, result.GetValue(quick) ? FaultTimings.Quick : FaultTimings.Full).RunAsync(token);
                Console.Write(report.Format());
                ReportServerErrors(api);
                return report.Passed;
            }, ct);
        });
        return command;
    }

    private static void ReportServerErrors(Target.ApiTarget api)
    {
        // 503 (DynamoDB unavailable) and 502 (a killed function) are expected during faults; anything else is news.
        var lines = api.ServerErrorLog;
        Console.WriteLine($"access log: {lines.Count} 5xx lines kept (the first 200); the first of each status:");
        foreach (var line in lines.GroupBy(l => l.Split(' ')[2]).Select(g => g.First()))
        {
            Console.WriteLine($"  {line}");
        }
    }

    private static Command HostileCommand()
    {
        var target = new TargetOptions();
        var command = new Command("hostile", "Sends the hostile-input corpus: every request must get a 4xx JSON error naming the problem, no 5xx, no leaks, and the table must not change.");
        target.AddTo(command);
        command.SetAction((result, ct) => RunAsync(target, result, async (api, token) =>
        {
            var report = await new HostileSuite(api).RunAsync(HostileCorpus.All(api.Local?.Issuer), token);
            Console.Write(report.Format());
            return report.Passed;
        }, ct));
        return command;
    }

    private static async Task<int> RunAsync(
        TargetOptions options, ParseResult result, Func<Target.ApiTarget, CancellationToken, Task<bool>> suite, CancellationToken ct)
    {
        Target.ApiTarget api;
        try
        {
            api = await options.StartAsync(result, ct);
        }
        catch (Exception e) when (e is TemplateException or DynaliteException or InvalidOperationException or FileNotFoundException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }

        await using (api)
        {
            try
            {
                var passed = await suite(api, ct);
                Console.WriteLine(passed ? "PASSED" : "FAILED");
                return passed ? 0 : 1;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                Console.WriteLine("cancelled; stopping ...");
                return 130;
            }
        }
    }
}
