using System.CommandLine;
using Products.Local;

return await LocalApiCommand.Create().Parse(args).InvokeAsync();
