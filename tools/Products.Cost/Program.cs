using Products.Cost;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

return await CostCommand.RunAsync(args, Console.Out, Console.Error, stop.Token);
