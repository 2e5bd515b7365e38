using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CodeLeakGuard.Cli.Scanning;

/// <summary>
/// The running .NET runtime's own assemblies (from TRUSTED_PLATFORM_ASSEMBLIES, limited to the runtime directory so
/// the tool's own dependencies never leak into the scanned code's references).
/// </summary>
internal static class RuntimeReferences
{
    private static readonly Lazy<IReadOnlyList<string>> LazyPaths = new(Load);

    public static IReadOnlyList<string> Paths => LazyPaths.Value;

    private static IReadOnlyList<string> Load()
    {
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is not string trusted || trusted.Length == 0)
        {
            return Array.Empty<string>();
        }

        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        return trusted
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.IsNullOrEmpty(runtimeDirectory) || string.Equals(Path.GetDirectoryName(path), runtimeDirectory, StringComparison.Ordinal))
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToArray();
    }
}
