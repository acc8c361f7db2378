using System.CommandLine;
using Products.Emulator.Auth;
using Products.Tooling;

namespace Products.Local;

/// <summary>
/// <c>token</c>: mints an access token of the local issuer (its key created on first use) and prints it alone on
/// stdout, so <c>TOKEN=$(dotnet run --project tools/Products.Local -- token)</c> captures exactly the token.
/// </summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var scope = new Option<string[]>("--scope")
        {
            Description = "A scope the token grants; repeat for more (default: products/write; '' for none)",
            AllowMultipleArgumentsPerToken = false,
        };
        var subject = new Option<string>("--subject")
        {
            Description = "The token's sub: who creates products (their createdBy)",
            DefaultValueFactory = _ => LocalIssuer.DefaultSubject,
        };
        var expiresIn = new Option<int>("--expires-in")
        {
            Description = "Seconds until the token expires",
            DefaultValueFactory = _ => 3600,
        };
        var command = new Command("token", "Prints an access token of the local issuer for POST /products (only the token, on stdout).")
        {
            scope, subject, expiresIn,
        };
        command.SetAction(result =>
        {
            var scopes = result.GetResult(scope) is null ? ["products/write"] : result.GetValue(scope) ?? [];
            var name = result.GetValue(subject);
            var seconds = result.GetValue(expiresIn);
            if (string.IsNullOrWhiteSpace(name) || seconds <= 0)
            {
                Console.Error.WriteLine("error: --subject must not be empty and --expires-in must be a positive number of seconds");
                return 2;
            }

            var root = RepositoryLayout.FindRoot(AppContext.BaseDirectory);
            var issuer = LocalIssuer.LoadOrCreate(LocalIssuer.KeyPath(root), TimeProvider.System);
            Console.Out.WriteLine(issuer.Mint(name, [.. scopes.SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries))], TimeSpan.FromSeconds(seconds)));
            return 0;
        });
        return command;
    }
}
