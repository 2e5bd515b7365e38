using System.IO;

namespace CodeLeakGuard.Cli.MaskingIO;

/// <summary>What mask and unmask both ask of their input first: it exists, and a directory comes with an --out.</summary>
internal static class InputPath
{
    /// <summary>Null when the input is usable; otherwise the exit code, after the reason is written.</summary>
    public static int? Check(string path, string? output, string directoryNeedsOut, TextWriter stderr, out bool isDirectory)
    {
        isDirectory = path != "-" && Directory.Exists(path);
        if (path != "-" && !isDirectory && !File.Exists(path))
        {
            stderr.WriteLine($"codeleakguard: '{path}' does not exist.");
            return ExitCodes.UsageOrPolicyError;
        }

        if (isDirectory && output is null)
        {
            stderr.WriteLine($"codeleakguard: {directoryNeedsOut}");
            return ExitCodes.UsageOrPolicyError;
        }

        return null;
    }
}
