using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using CodeLeakGuard.Cli.MaskingIO;
using CodeLeakGuard.Masking;

namespace CodeLeakGuard.Cli;

/// <summary>
/// <c>codeleakguard unmask &lt;file|dir|-&gt; --session &lt;session.json&gt; [--out &lt;file|dir&gt;]</c>: puts the real names,
/// secrets and withheld code back into an answer or into masked copies. Placeholders that cannot be restored are
/// left and listed on standard error. Exit codes: 0 written, 1 an input is not text, 2 usage or session errors.
/// </summary>
internal static class UnmaskCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path") { Description = "A masked file, a directory of masked copies, or - for standard input." };
        var session = new Option<string>("--session") { Description = "The session written by `codeleakguard mask`.", HelpName = "session.json", Required = true };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Where to write: a file for a file or standard input (default: standard output), a directory for a directory (required).",
            HelpName = "file|dir",
        };
        var command = new Command("unmask", "Restore real names, secrets and withheld code in an answer or in masked copies, using the session that masked them.")
        {
            path, session, output,
        };
        command.SetAction(parse => Execute(parse.GetValue(path)!, parse.GetValue(session)!, parse.GetValue(output), stdout, stderr));
        return command;
    }

    public static int Execute(string path, string sessionPath, string? output, TextWriter stdout, TextWriter stderr)
    {
        if (InputPath.Check(path, output, "unmasking a directory needs --out <dir> for the restored files.", stderr, out var isDirectory) is { } refused)
        {
            return refused;
        }

        if (!File.Exists(sessionPath))
        {
            stderr.WriteLine($"codeleakguard: the session '{sessionPath}' does not exist; only the session that masked a text can unmask it.");
            return ExitCodes.UsageOrPolicyError;
        }

        var session = SessionFile.Load(sessionPath, new MaskingOptions(), stderr);
        if (session is null)
        {
            return ExitCodes.UsageOrPolicyError;
        }

        var inputs = path == "-"
            ? new List<(string Name, string? Relative, byte[] Bytes)> { ("standard input", null, MaskCommand.ReadStandardInput()) }
            : isDirectory
                ? InputFiles.Under(path, output).Select(r => (r, (string?)r, File.ReadAllBytes(Path.Combine(path, r)))).ToList()
                : new List<(string Name, string? Relative, byte[] Bytes)> { (path, Path.GetFileName(path), File.ReadAllBytes(path)) };

        var restored = new List<(string? Relative, TextFile File, string Text)>();
        var issues = 0;
        foreach (var (name, relative, bytes) in inputs)
        {
            if (!TextFile.TryDecode(bytes, out var file, out var problem))
            {
                if (isDirectory)
                {
                    stderr.WriteLine($"codeleakguard: skipped {name}: {problem}.");
                    continue;
                }

                stderr.WriteLine($"codeleakguard: {name} is not text: {problem}.");
                return ExitCodes.ErrorFindings;
            }

            var result = session.Unmask(file!.Text);
            foreach (var issue in result.Issues)
            {
                stderr.WriteLine($"codeleakguard: {name}: {issue}");
                issues++;
            }

            restored.Add((relative, file, result.Text));
        }

        try
        {
            if (!isDirectory && output is null)
            {
                stdout.Write(restored[0].Text);
            }
            else
            {
                foreach (var (relative, file, text) in restored)
                {
                    var target = isDirectory ? Path.Combine(output!, relative!) : Directory.Exists(output) && path != "-" ? Path.Combine(output!, relative!) : output!;
                    TextFile.WriteAllBytes(target, file.Encode(text));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"codeleakguard: cannot write '{output}': {ex.Message}");
            return ExitCodes.UsageOrPolicyError;
        }

        stderr.WriteLine($"codeleakguard: unmasked {restored.Count} file(s)" + (issues > 0 ? $"; {issues} placeholder(s) could not be restored exactly (listed above)." : "."));
        return ExitCodes.Success;
    }
}
