using System.Collections.Generic;
using System.IO;
using System.Text;
using CodeLeakGuard.PackageCheck;

namespace CodeLeakGuard.Build;

/// <summary>Reads and writes the package check's result file (see <see cref="PackageFinding"/>).</summary>
internal static class ResultFileStore
{
    public static void Write(string path, string stamp, IEnumerable<PackageFinding> findings)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var text = new StringBuilder().Append(PackageFinding.ResultHeader).Append(stamp).Append('\n');
        foreach (var finding in findings)
        {
            text.Append(finding.ToLine()).Append('\n');
        }

        // Write-then-rename so a crashed build never leaves a half file that looks up to date.
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text.ToString(), new UTF8Encoding(false));
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        File.Move(temporary, path);
    }

    /// <summary>The cached findings when the file was written for <paramref name="stamp"/>; otherwise null.</summary>
    public static IReadOnlyList<PackageFinding>? ReadIfCurrent(string path, string stamp) =>
        File.Exists(path) ? PackageFinding.ParseAll(File.ReadAllText(path), stamp) : null;
}
