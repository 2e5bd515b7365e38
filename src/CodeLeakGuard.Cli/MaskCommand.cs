using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using CodeLeakGuard.Cli.MaskingIO;
using CodeLeakGuard.Masking;

namespace CodeLeakGuard.Cli;

/// <summary>
/// <c>codeleakguard mask &lt;file|dir|-&gt; [--out &lt;file|dir&gt;] [--session &lt;session.json&gt;] [--policy &lt;file&gt;] [--kind ...]</c>:
/// writes masked copies (a directory keeps its layout) and the session that restores them. All or nothing: if any
/// file cannot be masked, nothing is written. Exit codes: 0 written, 1 masking refused, 2 usage or policy errors.
/// </summary>
internal static class MaskCommand
{
    public const int Refused = ExitCodes.ErrorFindings;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path") { Description = "A file, a directory (every text file under it), or - for standard input." };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Where to write: a file for a file or standard input (default: standard output), a directory for a directory (required).",
            HelpName = "file|dir",
        };
        var session = new Option<string?>("--session")
        {
            Description = $"The session to continue and write (default: {SessionFile.DefaultName}). SENSITIVE: it maps pseudonyms back to real names and holds the masked secrets in clear text; never send it anywhere.",
            HelpName = "session.json",
        };
        var policy = new Option<string?>("--policy") { Description = "The policy file. Default: codeleakguard.policy or *.clgpolicy at the input's root, else the built-in catalog.", HelpName = "file" };
        var kind = KindOption.Create("Treat every input as this kind (default: by extension; Markdown for standard input).");
        var command = new Command("mask", "Mask C#, Markdown prompts and text before they go to an AI assistant: names become role pseudonyms, secrets placeholders, proprietary code stubs.")
        {
            path, output, session, policy, kind,
        };
        command.SetAction(parse => Execute(parse.GetValue(path)!, parse.GetValue(output), parse.GetValue(session), parse.GetValue(policy), KindOption.Parse(parse.GetValue(kind)), stdout, stderr));
        return command;
    }

    public static int Execute(string path, string? output, string? sessionPath, string? policyPath, MaskKind? kind, TextWriter stdout, TextWriter stderr)
    {
        if (InputPath.Check(path, output, "masking a directory needs --out <dir> for the masked copies.", stderr, out var isDirectory) is { } refused)
        {
            return refused;
        }

        if (isDirectory && SamePath(path, output!))
        {
            stderr.WriteLine("codeleakguard: --out must not be the input directory: the originals would be overwritten.");
            return ExitCodes.UsageOrPolicyError;
        }

        var root = path == "-" ? Directory.GetCurrentDirectory() : isDirectory ? path : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var policy = MaskingPolicy.Load(root, policyPath, stderr);
        if (policy is null)
        {
            return ExitCodes.UsageOrPolicyError;
        }

        var options = new MaskingOptions { Policy = policy };
        sessionPath ??= SessionFile.DefaultName;
        var session = File.Exists(sessionPath) ? SessionFile.Load(sessionPath, options, stderr) : new MaskingSession(options);
        if (session is null)
        {
            return ExitCodes.UsageOrPolicyError;
        }

        var inputs = ReadInputs(path, isDirectory, output, kind, stderr, out var refusal);
        if (inputs is null)
        {
            stderr.WriteLine($"codeleakguard: masking refused: {refusal}; nothing was written.");
            return Refused;
        }

        IReadOnlyList<MaskResult> results;
        try
        {
            results = session.Mask(inputs.Select(i => new MaskRequest(i.File.Text, i.Kind, i.RelativePath)));
        }
        catch (MaskingException ex)
        {
            stderr.WriteLine($"codeleakguard: masking refused ({ex.Failure}): {ex.Message}; nothing was written.");
            return Refused;
        }

        // The session first: masked copies without the session that restores them would be worse than nothing.
        if (!SessionFile.Save(session, sessionPath, stderr) || !WriteOutputs(path, isDirectory, output, inputs, results, stdout, stderr))
        {
            return ExitCodes.UsageOrPolicyError;
        }

        var total = results.Aggregate((Identifiers: 0, Secrets: 0, Proprietary: 0), (sum, r) => (sum.Identifiers + r.Report.Identifiers, sum.Secrets + r.Report.Secrets, sum.Proprietary + r.Report.ProprietarySpans));
        stderr.WriteLine($"codeleakguard: masked {results.Count} file(s): {total.Identifiers} identifiers, {total.Secrets} secrets, {total.Proprietary} proprietary parts. " +
            $"Session: {Path.GetFullPath(sessionPath)} (sensitive: keep it private; `codeleakguard unmask --session` needs it).");
        return ExitCodes.Success;
    }

    private static List<Input>? ReadInputs(string path, bool isDirectory, string? output, MaskKind? kind, TextWriter stderr, out string? refusal)
    {
        refusal = null;
        if (path == "-")
        {
            return Read("standard input", null, ReadStandardInput(), kind ?? MaskKind.Markdown, out refusal) is { } stdin ? new List<Input> { stdin } : null;
        }

        if (!isDirectory)
        {
            return Read(path, Path.GetFileName(path), File.ReadAllBytes(path), InputFiles.KindOf(path, kind), out refusal) is { } file ? new List<Input> { file } : null;
        }

        var inputs = new List<Input>();
        foreach (var relative in InputFiles.Under(path, output))
        {
            var input = Read(relative, relative, File.ReadAllBytes(Path.Combine(path, relative)), InputFiles.KindOf(relative, kind), out var problem);
            if (input is null)
            {
                stderr.WriteLine($"codeleakguard: skipped {relative}: {problem}; no copy is written.");
                continue;
            }

            inputs.Add(input);
        }

        return inputs;
    }

    private static Input? Read(string name, string? relativePath, byte[] bytes, MaskKind kind, out string? problem)
    {
        if (!TextFile.TryDecode(bytes, out var file, out problem))
        {
            problem = $"{name} cannot be masked faithfully: {problem}";
            return null;
        }

        return new Input(relativePath, file!, kind);
    }

    private static bool WriteOutputs(string path, bool isDirectory, string? output, List<Input> inputs, IReadOnlyList<MaskResult> results, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            if (!isDirectory && output is null)
            {
                stdout.Write(results[0].Text);
                return true;
            }

            for (var i = 0; i < inputs.Count; i++)
            {
                var target = isDirectory
                    ? Path.Combine(output!, inputs[i].RelativePath!)
                    : Directory.Exists(output) && path != "-" ? Path.Combine(output!, Path.GetFileName(path)) : output!;
                TextFile.WriteAllBytes(target, inputs[i].File.Encode(results[i].Text));
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"codeleakguard: cannot write '{output}': {ex.Message}");
            return false;
        }
    }

    internal static byte[] ReadStandardInput()
    {
        using var stdin = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        stdin.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);

    private sealed record Input(string? RelativePath, TextFile File, MaskKind Kind);
}
