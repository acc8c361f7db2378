using System.Diagnostics;

namespace Products.Package;

// Runs a Makefile target the way sam build's makefile build method does (aws-lambda-builders, CustomMakeAction):
// make --makefile <Makefile> <target> with ARTIFACTS_DIR in the environment, here in the Makefile's
// own folder as with build_in_source. Output goes to the given writer as it comes.
public sealed class MakeRunner(TextWriter log)
{
    private const int TailLines = 40;

    public async Task RunAsync(
        string makefile, string target, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("make")
        {
            WorkingDirectory = Path.GetDirectoryName(makefile),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--makefile");
        start.ArgumentList.Add(makefile);
        start.ArgumentList.Add(target);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        // MSBuild worker nodes and the compiler server outlive a build and would hold these output pipes open, so the
        // wait below would never see them close.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";

        var tail = new Queue<string>();
        void Receive(object sender, DataReceivedEventArgs line)
        {
            if (line.Data is null)
            {
                return;
            }

            lock (tail)
            {
                log.WriteLine(line.Data);
                tail.Enqueue(line.Data);
                if (tail.Count > TailLines)
                {
                    tail.Dequeue();
                }
            }
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += Receive;
        process.ErrorDataReceived += Receive;
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new PackagingException("cannot run make: is it installed and on PATH?", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            string output;
            lock (tail)
            {
                output = string.Join(Environment.NewLine, tail);
            }

            throw new PackagingException(
                $"make {target} ({makefile}) failed with exit code {process.ExitCode}:{Environment.NewLine}{output}");
        }
    }
}
