using CodeLeakGuard.Analyzers;
using CodeLeakGuard.Packages;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Cli.Scanning;

/// <summary>
/// Findings of the package check at a line of an MSBuild file: the region spans the element's name
/// (<c>&lt;PackageReference</c>), or is empty at line 1 when no element declares the package.
/// </summary>
internal static class PackageFindings
{
    public static Finding At(Verdict verdict, string message, string root, PackageDeclaration declaration, string project) =>
        At(RuleIdentifiers.BannedPackage, verdict, message, root, declaration.File, declaration.Line, declaration.Column, declaration.ElementName.Length + 1, project);

    public static Finding At(string ruleId, Verdict verdict, string message, string root, string file, int line, int column, int length, string project) =>
        At(ruleId, Level(verdict.Severity), message, root, file, line, column, length, project);

    /// <param name="line">1-based; 0 when the finding stands for the whole file.</param>
    public static Finding At(string ruleId, FindingLevel level, string message, string root, string file, int line, int column, int length, string project)
    {
        var (path, underRoot) = FindingFactory.Relative(root, file);
        return line > 0
            ? new Finding(ruleId, level, message, path, underRoot, line, column, line, column + length, project)
            : new Finding(ruleId, level, message, path, underRoot, 0, 0, 0, 0, project);
    }

    public static FindingLevel Level(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => FindingLevel.Error,
        FindingSeverity.Warning => FindingLevel.Warning,
        _ => FindingLevel.Note,
    };
}
