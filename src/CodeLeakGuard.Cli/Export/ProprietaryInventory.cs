using System.Collections.Generic;

namespace CodeLeakGuard.Cli.Export;

/// <summary>What <c>export-ignore</c> writes into every format: the proprietary paths of one repository.</summary>
/// <param name="PathGlobs">The policy's <c>proprietary path</c> globs, in policy order, without duplicates.</param>
/// <param name="MarkedFiles">
/// C# files with proprietary code (in-source markers, or policy namespace/type/member rules) that no path glob covers;
/// repository-relative, forward slashes, sorted ordinally.
/// </param>
/// <param name="CaseMismatchedFiles">
/// Files (of any kind) a path glob covers only because policy globs ignore case: formats that match case-sensitively
/// name them on their own. Sorted ordinally.
/// </param>
/// <param name="ScannedSourceFiles">How many C# files were classified.</param>
internal sealed record ProprietaryInventory(
    IReadOnlyList<string> PathGlobs,
    IReadOnlyList<string> MarkedFiles,
    IReadOnlyList<string> CaseMismatchedFiles,
    int ScannedSourceFiles)
{
    public bool IsEmpty => PathGlobs.Count == 0 && MarkedFiles.Count == 0 && CaseMismatchedFiles.Count == 0;
}
