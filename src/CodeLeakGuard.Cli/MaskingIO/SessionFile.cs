using System;
using System.IO;
using CodeLeakGuard.Masking;

namespace CodeLeakGuard.Cli.MaskingIO;

/// <summary>Reads and writes the session file, with messages that say what went wrong and never what it holds.</summary>
internal static class SessionFile
{
    public const string DefaultName = "codeleakguard.session.json";

    public static MaskingSession? Load(string path, MaskingOptions options, TextWriter stderr)
    {
        try
        {
            return MaskingSession.Load(path, options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            stderr.WriteLine($"codeleakguard: cannot read the session '{path}': {ex.Message}");
            return null;
        }
    }

    public static bool Save(MaskingSession session, string path, TextWriter stderr)
    {
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            session.Save(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"codeleakguard: cannot write the session '{path}': {ex.Message}");
            return false;
        }
    }
}
