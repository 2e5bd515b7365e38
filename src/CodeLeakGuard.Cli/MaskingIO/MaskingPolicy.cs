using System.IO;
using System.Linq;
using CodeLeakGuard.Cli.Scanning;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Cli.MaskingIO;

/// <summary>The policy masking follows: <c>--policy</c>, else the policy files at the input's root, else the built-in catalog.</summary>
internal static class MaskingPolicy
{
    public static AiPolicy? Load(string root, string? explicitPath, TextWriter stderr)
    {
        var selection = PolicyLocator.Locate(root, explicitPath, out var error);
        if (selection is null)
        {
            stderr.WriteLine($"codeleakguard: {error}");
            return null;
        }

        var policy = new AiPolicy(selection.Files.Select(f => PolicyParser.Parse(f.Text, f.FullPath)));
        if (!policy.HasErrors)
        {
            return policy;
        }

        foreach (var diagnostic in policy.Diagnostics.Where(d => d.Severity == FindingSeverity.Error))
        {
            stderr.WriteLine($"{diagnostic.Location}: error {diagnostic.Id}: {diagnostic.Message}");
        }

        stderr.WriteLine("codeleakguard: the policy has errors (CLG9001); masking needs the policy as written: fix the lines above.");
        return null;
    }
}
