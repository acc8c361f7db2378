using Products.Package;

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(PackageOptions.Usage);
    return 0;
}

if (!PackageOptions.TryParse(args, Environment.CurrentDirectory, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(PackageOptions.Usage);
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    press.Cancel = true;
    cancellation.Cancel();
};

try
{
    var targets = BuildTargets.Discover(options!.RepositoryRoot);
    var results = await new Packager(Console.Out).PackageAsync(targets, options, cancellation.Token);
    return PackageReport.Write(results, Console.Out) ? 0 : 3;
}
catch (PackagingException failure)
{
    Console.Error.WriteLine(failure.Message);
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("cancelled");
    return 130;
}
