using System;
using System.Collections.Generic;

namespace CodeLeakGuard.Packages;

/// <summary>
/// Finds the line that declares a project's top-level reference among the files that may declare it (the project file
/// first, then the props files): the <c>PackageReference</c>, else the <c>GlobalPackageReference</c>, else under central
/// package management the <c>PackageVersion</c>; for a project, the <c>ProjectReference</c>. Each file is read once.
/// Shared by the MSBuild task (files from the items' defining projects) and the CLI (files found on disk).
/// </summary>
public sealed class DeclarationFinder
{
    private static readonly string[] PackageElements = { "PackageReference", "GlobalPackageReference", "PackageVersion" };
    private static readonly string[] ProjectElements = { "ProjectReference" };

    private readonly Dictionary<string, IReadOnlyList<PackageDeclaration>> _files = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The elements that can declare a reference, most telling first.</summary>
    public static IReadOnlyList<string> ElementOrder(bool isProject) => isProject ? ProjectElements : PackageElements;

    /// <summary>
    /// The first declaration of <paramref name="id"/>: by element in <see cref="ElementOrder"/>, then by file in the
    /// order given. Null when no file declares it.
    /// </summary>
    public PackageDeclaration? Find(string id, bool isProject, IEnumerable<string> files)
    {
        foreach (var elementName in ElementOrder(isProject))
        {
            foreach (var file in files)
            {
                var declaration = PackageDeclarations.Find(Declarations(file), id, elementName);
                if (declaration is not null)
                {
                    return declaration;
                }
            }
        }

        return null;
    }

    /// <inheritdoc cref="Find(string, bool, IEnumerable{string})"/>
    public PackageDeclaration? Find(PackageNode topLevel, IEnumerable<string> files) => Find(topLevel.Id, topLevel.IsProject, files);

    /// <summary>Every declaration in <paramref name="file"/>, read on first use (see <see cref="PackageDeclarations.Read"/>).</summary>
    public IReadOnlyList<PackageDeclaration> Declarations(string file)
    {
        if (!_files.TryGetValue(file, out var declarations))
        {
            _files[file] = declarations = PackageDeclarations.Read(file);
        }

        return declarations;
    }
}
