using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;

namespace CodeLeakGuard.Cli;

/// <summary>
/// The entry point. <see cref="Run"/> is the whole tool with its output streams passed in, so tests run it in-process.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs <c>codeleakguard</c> with <paramref name="args"/>; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var root = new RootCommand("CodeLeakGuard: finds banned AI SDKs, AI API endpoints and AI API keys in C# source.")
        {
            ScanCommand.Create(stdout, stderr),
            Export.ExportIgnoreCommand.Create(stdout, stderr),
            Proxy.ProxyCommand.Create(stdout, stderr),
            MaskCommand.Create(stdout, stderr),
            UnmaskCommand.Create(stdout, stderr),
        };

        var configuration = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            var parseResult = root.Parse(args);
            if (parseResult.CommandResult.Command.Name == "proxy")
            {
                // Ctrl+C lets the gateway finish the requests in flight; System.CommandLine would end the process after 2 s.
                configuration.ProcessTerminationTimeout = Gateway.GatewayServer.ShutdownTimeout + TimeSpan.FromSeconds(5);
            }

            // System.CommandLine exits 1 on a parse error, which is our "error findings" code: bad usage is 2.
            if (parseResult.Action is ParseErrorAction)
            {
                parseResult.Invoke(configuration);
                return ExitCodes.UsageOrPolicyError;
            }

            return parseResult.Invoke(configuration);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            stderr.WriteLine($"codeleakguard: internal error: {ex}");
            return ExitCodes.InternalError;
        }
    }
}
