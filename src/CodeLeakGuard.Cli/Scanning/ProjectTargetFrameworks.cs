using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;

namespace CodeLeakGuard.Cli.Scanning;

/// <summary>
/// The target frameworks a project declares, in its own order (<c>net8.0;net10.0</c>), read from the project file or,
/// when it sets none, from its <c>Directory.Build.props</c>: the last <c>TargetFrameworks</c>, else the last
/// <c>TargetFramework</c>, as MSBuild's last assignment wins. Empty when a value uses a property (<c>$(...)</c>) or none
/// is written: the caller then keeps the order of the restore graph.
/// </summary>
internal static class ProjectTargetFrameworks
{
    public static IReadOnlyList<string> Read(ProjectDeclarationFiles files)
    {
        var fromProject = Read(files.ProjectFile);
        if (fromProject is not null)
        {
            return fromProject;
        }

        return (files.BuildProps is null ? null : Read(files.BuildProps)) ?? Array.Empty<string>();
    }

    /// <summary>The frameworks the file sets, empty when it sets them through a property, null when it sets none.</summary>
    private static IReadOnlyList<string>? Read(string file)
    {
        string? single = null;
        string? multiple = null;
        try
        {
            using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
            reader.MoveToContent();
            while (!reader.EOF)
            {
                // ReadElementContentAsString already moves past the element: no extra Read, or a sibling is skipped.
                if (reader is { NodeType: XmlNodeType.Element, IsEmptyElement: false, LocalName: "TargetFrameworks" })
                {
                    multiple = reader.ReadElementContentAsString();
                }
                else if (reader is { NodeType: XmlNodeType.Element, IsEmptyElement: false, LocalName: "TargetFramework" })
                {
                    single = reader.ReadElementContentAsString();
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            // Keep what was read before the fault.
        }

        var value = !string.IsNullOrWhiteSpace(multiple) ? multiple : single;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return value!.Contains("$(", StringComparison.Ordinal)
            ? Array.Empty<string>()
            : value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }
}
