using System.CommandLine;
using Products.Reliability;

return await ReliabilityCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration
{
    // Ctrl+C cancels the suite's token; the suite then stops the API, its functions and dynalite, which takes a few
    // seconds. System.CommandLine's default gives up after 2 s and exits, leaving processes behind.
    ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
});
