using System.CommandLine;
using Products.Local;

// Ctrl+C / SIGTERM cancel the command's token; stopping functions (SIGTERM, then a kill after their grace period) and
// dynalite takes a few seconds, so allow more than System.CommandLine's 2-second default before it forces the exit.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(15) };
return await LocalApiCommand.Create().Parse(args).InvokeAsync(invocation);
