using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace CodeLeakGuard.Build;

/// <summary>
/// What the package check's result depends on — the restore graph, the policy files, the files that declare the
/// references (for line numbers), the task version and its settings — as sizes and timestamps: cheap to compute,
/// and any change forces a fresh check.
/// </summary>
internal static class InputStamp
{
    public static string Compute(IEnumerable<string> files, IEnumerable<string> settings)
    {
        var stamp = new StringBuilder(typeof(InputStamp).Assembly.GetName().Version?.ToString() ?? "0");
        foreach (var file in files.Distinct(System.StringComparer.OrdinalIgnoreCase).OrderBy(f => f, System.StringComparer.OrdinalIgnoreCase))
        {
            var info = new FileInfo(file);
            stamp.Append('|').Append(file).Append('@').Append(info.Exists ? $"{info.Length}:{info.LastWriteTimeUtc.Ticks}" : "missing");
        }

        foreach (var setting in settings)
        {
            stamp.Append('|').Append(setting);
        }

        return stamp.ToString().Replace('\n', ' ').Replace('\r', ' ');
    }
}
