using System.Diagnostics;
using System.Text;
using CodeLeakGuard.Cli;

namespace CodeLeakGuard.Masking.Tests;

/// <summary><c>codeleakguard mask</c> and <c>unmask</c>, run in-process over real files in temporary directories.</summary>
public sealed class CliMaskingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "clg-mask-" + Guid.NewGuid().ToString("N"));

    public CliMaskingTests()
    {
        Directory.CreateDirectory(_root);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test.
        }
    }

    [Fact]
    public void A_directory_is_masked_with_its_layout_and_unmasked_byte_for_byte()
    {
        var source = Path.Combine(_root, "repo");
        foreach (var (path, text) in TestCodeBase.Files)
        {
            Write(Path.Combine(source, "src", path), Encoding.UTF8.GetBytes(text));
        }

        Write(Path.Combine(source, "src", "WithBom.cs"), [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("class BomOrderLedger { }\r\n")]);
        Write(Path.Combine(source, "README.md"), Encoding.UTF8.GetBytes("# Ledger\n\nThe `BomOrderLedger` keeps orders.\n"));
        Write(Path.Combine(source, "logo.png"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0xD8]);
        Write(Path.Combine(source, "obj", "Debug", "Generated.cs"), Encoding.UTF8.GetBytes("class OrderPricingEngine { }"));
        Write(Path.Combine(source, "codeleakguard.policy"), Encoding.UTF8.GetBytes("proprietary path src/Pricing/Secret/**\nset sensitive-terms=\"Contoso\"\n"));
        var masked = Path.Combine(_root, "masked");
        var session = Path.Combine(_root, "session.json");

        var mask = Run("mask", source, "--out", masked, "--session", session);
        Assert.True(mask.ExitCode == 0, mask.ToString());
        Assert.Contains("skipped logo.png", mask.Stderr);
        Assert.Contains("sensitive", mask.Stderr);
        Assert.True(File.Exists(session));
        Assert.False(File.Exists(Path.Combine(masked, "logo.png")));
        Assert.False(Directory.Exists(Path.Combine(masked, "obj")));
        Assert.Equal(TestCodeBase.Files.Count + 3, Directory.GetFiles(masked, "*", SearchOption.AllDirectories).Length);

        var all = string.Concat(Directory.GetFiles(masked, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.DoesNotContain("OrderPricingEngine", all);
        Assert.DoesNotContain("BomOrderLedger", all);
        Assert.DoesNotContain("Contoso", all);
        Assert.Contains("<withheld:Proprietary", File.ReadAllText(Path.Combine(masked, "src", "Pricing", "Secret", "SurgePricingModel.cs")));
        Assert.Equal(Encoding.UTF8.GetPreamble(), File.ReadAllBytes(Path.Combine(masked, "src", "WithBom.cs"))[..3]);

        var restored = Path.Combine(_root, "restored");
        var unmask = Run("unmask", masked, "--session", session, "--out", restored);
        Assert.True(unmask.ExitCode == 0, unmask.ToString());
        foreach (var file in Directory.GetFiles(masked, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(masked, file);
            Assert.Equal(File.ReadAllBytes(Path.Combine(source, relative)), File.ReadAllBytes(Path.Combine(restored, relative)));
        }
    }

    [Fact]
    public void A_file_goes_to_standard_output_and_a_session_is_continued_across_runs()
    {
        var first = WriteText("Billing.cs", "namespace Contoso.Billing;\npublic class InvoiceArchive { public void StoreInvoice() { } }\n");
        var second = WriteText("prompt.md", "Why is `InvoiceArchive.StoreInvoice` slow?\n");
        var session = Path.Combine(_root, "s.json");

        var code = Run("mask", first, "--session", session);
        var prompt = Run("mask", second, "--session", session);
        Assert.Equal(0, code.ExitCode);
        Assert.Equal(0, prompt.ExitCode);
        Assert.DoesNotContain("InvoiceArchive", code.Stdout + prompt.Stdout);
        var archive = System.Text.RegularExpressions.Regex.Match(code.Stdout, @"public class (\w+)").Groups[1].Value;
        Assert.Contains($"`{archive}.", prompt.Stdout);

        var answer = WriteText("answer.md", $"Cache inside {archive}.\n");
        var restored = Path.Combine(_root, "answer.restored.md");
        Assert.Equal(0, Run("unmask", answer, "--session", session, "--out", restored).ExitCode);
        Assert.Equal("Cache inside InvoiceArchive.\n", File.ReadAllText(restored));
    }

    [Fact]
    public void Standard_input_and_output_work_through_the_real_process()
    {
        var session = Path.Combine(_root, "stdin.json");
        var masked = RunProcess("Please fix `LedgerReconciler.Balance()`; key " + CodeLeakGuard.Tests.Shared.FakeSecrets.NpmToken + "\n", "mask", "-", "--session", session);
        Assert.Equal(0, masked.ExitCode);
        Assert.DoesNotContain("LedgerReconciler", masked.Stdout);
        Assert.DoesNotContain("npm_", masked.Stdout);

        var restored = RunProcess(masked.Stdout, "unmask", "-", "--session", session);
        Assert.Equal(0, restored.ExitCode);
        Assert.Equal("Please fix `LedgerReconciler.Balance()`; key " + CodeLeakGuard.Tests.Shared.FakeSecrets.NpmToken + "\n", restored.Stdout);
    }

    [Fact]
    public void Failures_exit_non_zero_with_a_clear_message_and_write_nothing()
    {
        var file = WriteText("Ok.cs", "class Ok { }");
        var output = Path.Combine(_root, "out");

        Assert.Equal(2, Run("mask", Path.Combine(_root, "missing.cs")).ExitCode);
        Assert.Equal(2, Run("mask", _root).ExitCode); // a directory needs --out
        Assert.Equal(2, Run("unmask", file).ExitCode); // --session is required
        Assert.Equal(2, Run("unmask", file, "--session", Path.Combine(_root, "none.json")).ExitCode);

        var damaged = WriteText("damaged.json", "{ not a session");
        var damagedRun = Run("unmask", file, "--session", damaged);
        Assert.Equal(2, damagedRun.ExitCode);
        Assert.Contains("cannot read the session", damagedRun.Stderr);

        var badPolicy = WriteText("bad.policy", "ban wizard Foo\n");
        var policyRun = Run("mask", file, "--policy", badPolicy, "--session", Path.Combine(_root, "p.json"));
        Assert.Equal(2, policyRun.ExitCode);
        Assert.Contains("CLG9001", policyRun.Stderr);

        var invalid = Path.Combine(_root, "Invalid.cs");
        File.WriteAllBytes(invalid, [.. Encoding.UTF8.GetBytes("class OrderLedger { string s = \""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"; }")]);
        var refused = Run("mask", invalid, "--out", output, "--session", Path.Combine(_root, "r.json"));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("masking refused", refused.Stderr);
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(Path.Combine(_root, "r.json")));
    }

    private CliRun Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = Program.Run(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    private CliRun RunProcess(string input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _root,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CodeLeakGuard.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "the CLI did not finish");
        return new CliRun(process.ExitCode, stdout.Result, stderr.Result);
    }

    private string WriteText(string name, string text)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private sealed record CliRun(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
    }
}
