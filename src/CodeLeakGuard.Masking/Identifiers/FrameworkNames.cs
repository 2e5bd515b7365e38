using System;
using System.Collections.Generic;
using System.IO;

namespace CodeLeakGuard.Masking.Identifiers;

[Flags]
internal enum FrameworkNameKind : byte
{
    None = 0,
    Type = 1,
    Member = 2,
    Namespace = 4,
    Parameter = 8,
}

/// <summary>
/// The public names of .NET, ASP.NET Core and a few ubiquitous libraries (generated into FrameworkNames.txt by
/// tools/FrameworkNames, plus the hand-curated WellKnownLibraryNames.txt). Without a compilation these are the names
/// the masker keeps: they identify no company, and the model needs them to understand the code.
/// </summary>
internal static class FrameworkNames
{
    private static readonly Lazy<Dictionary<string, FrameworkNameKind>> Table = new(Load);

    public static FrameworkNameKind Lookup(string name) => Table.Value.TryGetValue(name, out var kind) ? kind : FrameworkNameKind.None;

    public static int Count => Table.Value.Count;

    private static Dictionary<string, FrameworkNameKind> Load()
    {
        var table = new Dictionary<string, FrameworkNameKind>(40_000, StringComparer.Ordinal);
        Read("CodeLeakGuard.Masking.FrameworkNames.txt", table);
        Read("CodeLeakGuard.Masking.WellKnownLibraryNames.txt", table);
        return table;
    }

    private static void Read(string resource, Dictionary<string, FrameworkNameKind> table)
    {
        using var stream = typeof(FrameworkNames).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var reader = new StreamReader(stream);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var tab = line.IndexOf('\t');
            if (line.Length == 0 || line[0] == '#' || tab <= 0)
            {
                continue;
            }

            var kind = FrameworkNameKind.None;
            for (var i = tab + 1; i < line.Length; i++)
            {
                kind |= line[i] switch
                {
                    'T' => FrameworkNameKind.Type,
                    'M' => FrameworkNameKind.Member,
                    'N' => FrameworkNameKind.Namespace,
                    'P' => FrameworkNameKind.Parameter,
                    _ => FrameworkNameKind.None,
                };
            }

            var name = line.Substring(0, tab);
            table[name] = table.TryGetValue(name, out var existing) ? existing | kind : kind;
        }
    }
}
