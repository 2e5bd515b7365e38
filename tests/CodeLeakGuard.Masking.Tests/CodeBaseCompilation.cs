using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>Compiles a set of C# files the way the test code base is meant to be built.</summary>
internal static class CodeBaseCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static CSharpCompilation Create(IEnumerable<(string Path, string Text)> files) =>
        CSharpCompilation.Create(
            "Contoso.Commerce",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path)),
            TrustedPlatformReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static IReadOnlyList<Diagnostic> Errors(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    public static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join("\n  ", diagnostics.Take(30).Select(d => d.ToString()));
}
