using System.CommandLine;
using Products.Emulator.Auth;
using Products.Emulator.DynamoDb;
using Products.Emulator.Hosting;
using Products.Emulator.Template;
using Products.Tooling;

namespace Products.Local;

/// <summary>The command line of the local API: options in, a running <see cref="LocalApi"/> until Ctrl+C.</summary>
internal static class LocalApiCommand
{
    public static RootCommand Create()
    {
        var port = new Option<int>("--port") { Description = "HTTP port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 3000 };
        var stage = new Option<string?>("--stage") { Description = "Stage whose samconfig.toml parameter overrides and local parameters apply: dev, staging or prod" };
        var overrides = new Option<string?>("--parameter-overrides") { Description = "Template parameters as SAM CLI takes them, e.g. \"LogLevel=DEBUG AllowedOrigins=http://localhost:5173\"" };
        var inMemory = new Option<bool>("--in-memory") { Description = "Keep DynamoDB data in memory (gone on exit) instead of .products-local/" };
        var endpoint = new Option<Uri?>("--dynamodb-endpoint") { Description = "Use this DynamoDB-compatible endpoint instead of starting dynalite" };
        var build = new Option<BuildMode>("--build") { Description = "packaged: the layer + function packages SAM deploys (default); project: dotnet build output; prebuilt: existing project output", DefaultValueFactory = _ => BuildMode.Packaged };
        var configuration = new Option<string>("--configuration", "-c") { Description = "Build configuration of the function projects for --build project and prebuilt", DefaultValueFactory = _ => "Release" };
        var concurrency = new Option<int>("--max-concurrency") { Description = "Execution environments per function before requests are throttled (429)", DefaultValueFactory = _ => 10 };
        var idle = new Option<int>("--idle-seconds") { Description = "Stop an execution environment after this many idle seconds", DefaultValueFactory = _ => 300 };
        var template = new Option<string?>("--template") { Description = "SAM template (default: template.yaml in the repository)" };
        var dynamoDbPort = new Option<int>("--dynamodb-port") { Description = "Port of the local DynamoDB engine on 127.0.0.1 (default: a free one); pin it to keep an AWS CLI profile" };
        var ssmPort = new Option<int>("--ssm-port") { Description = "Port of the local SSM endpoint on 127.0.0.1 (default: a free one)" };
        var jwtIssuer = new Option<Uri?>("--jwt-issuer") { Description = "Trust this OIDC issuer's tokens (discovery document + JWKS) instead of the local issuer's" };
        var jwtAudience = new Option<string?>("--jwt-audience") { Description = "Audience (aud or client_id) of --jwt-issuer's tokens (default: the template's JwtAudience)" };

        var command = new RootCommand("Serves the Products API locally: API Gateway + Lambda emulator driven by template.yaml, with dynalite as DynamoDB.")
        {
            port, stage, overrides, inMemory, endpoint, dynamoDbPort, ssmPort, build, configuration, concurrency, idle, template, jwtIssuer, jwtAudience,
            TokenCommand.Create(),
            OpenApiCommand.Create(),
        };
        command.SetAction(async (result, ct) =>
        {
            var options = new LocalApiOptions
            {
                RepositoryRoot = RepositoryLayout.FindRoot(AppContext.BaseDirectory),
                TemplatePath = result.GetValue(template),
                Port = result.GetValue(port),
                Stage = result.GetValue(stage),
                ParameterOverrides = ParameterOverrides.Parse(result.GetValue(overrides) ?? string.Empty),
                InMemory = result.GetValue(inMemory),
                DynamoDbEndpoint = result.GetValue(endpoint),
                DynamoDbPort = result.GetValue(dynamoDbPort),
                SsmPort = result.GetValue(ssmPort),
                Build = result.GetValue(build),
                Configuration = result.GetValue(configuration)!,
                MaxEnvironmentsPerFunction = result.GetValue(concurrency),
                IdleTimeout = TimeSpan.FromSeconds(result.GetValue(idle)),
                JwtIssuer = result.GetValue(jwtIssuer),
                JwtAudience = result.GetValue(jwtAudience),
            };
            return await RunAsync(options, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(LocalApiOptions options, CancellationToken ct)
    {
        LocalApi api;
        try
        {
            api = await LocalApi.StartAsync(options, ct);
        }
        catch (Exception e) when (e is TemplateException or DynaliteException or InvalidOperationException or FileNotFoundException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }

        await using (api)
        {
            Console.WriteLine();
            Console.WriteLine($"Products API (stage {api.Stage}) at {api.BaseAddress}");
            foreach (var function in api.Template.Functions)
            {
                foreach (var route in function.Events)
                {
                    var guard = api.AuthorizationOf(route) is { } authorization
                        ? $", token{(authorization.Scopes.Count > 0 ? " with " + string.Join(" or ", authorization.Scopes) : string.Empty)}"
                        : string.Empty;
                    Console.WriteLine($"  {route.Method.ToUpperInvariant(),-6} {route.Path,-20} → {function.LogicalId} (payload {route.PayloadFormatVersion}{guard})");
                }
            }

            PrintTryIt(api);
            Console.WriteLine($"API reference (Swagger UI, \"try it\" with a local token): {api.ReferencePageAddress}");
            Console.WriteLine($"OpenAPI document: {api.OpenApiDocumentAddress}");
            Console.WriteLine();
            PrintLocalEndpoints(api);
            Console.WriteLine("Ctrl+C stops the API, the functions and the DynamoDB engine.");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("stopping ...");
            }
        }

        return 0;
    }

    // The AWS CLI against the local services: any credentials do (neither endpoint checks signatures), the region is
    // the template's.
    private static void PrintLocalEndpoints(LocalApi api)
    {
        var cli = $"AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_REGION={api.Template.Region} aws";
        Console.WriteLine($"DynamoDB at {api.DynamoDbEndpoint.ToString().TrimEnd('/')}, SSM at {api.SsmEndpoint.ToString().TrimEnd('/')}:");
        if (api.Template.Tables.Count > 0)
        {
            Console.WriteLine($"  {cli} dynamodb scan --endpoint-url {api.DynamoDbEndpoint.ToString().TrimEnd('/')} --table-name {api.Template.Tables[0].TableName} --max-items 5");
        }

        if (api.Template.SsmParameters.Count > 0)
        {
            var parameter = api.Template.SsmParameters[0];
            Console.WriteLine($"  {cli} ssm put-parameter --endpoint-url {api.SsmEndpoint.ToString().TrimEnd('/')} --name {parameter.Name} --type {parameter.Type} --overwrite --value '{parameter.Value}'");
        }

        Console.WriteLine();
    }

    // A create that works as printed: a fresh local token (one hour) inside a ready curl command.
    private static void PrintTryIt(LocalApi api)
    {
        if (api.Issuer is not { } issuer)
        {
            Console.WriteLine($"Writes need a token from {api.TrustedIssuer}.");
            return;
        }

        var token = issuer.Mint(LocalIssuer.DefaultSubject, ["products/write"], TimeSpan.FromHours(1));
        var products = new Uri(api.BaseAddress, "products");
        Console.WriteLine();
        Console.WriteLine("Try it (this token is valid for an hour; `dotnet run --project tools/Products.Local -- token` mints another):");
        Console.WriteLine($"  curl -i -X POST {products} -H 'content-type: application/json' \\");
        Console.WriteLine($"       -H 'authorization: Bearer {token}' \\");
        Console.WriteLine("""       -d '{"name":"Desk lamp","price":24.99}'""");
        Console.WriteLine($"  curl {products}");
        Console.WriteLine();
    }
}
