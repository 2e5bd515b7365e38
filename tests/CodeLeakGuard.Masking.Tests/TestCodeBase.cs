using System.Reflection;
using System.Text.RegularExpressions;
using CodeLeakGuard.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// The test code base: TestData/Contoso.Commerce, a small shop back end (orders, pricing, invoices, repositories,
/// controllers) with planted secrets. Secrets are written as {{SECRET:Kind}} in the files and filled in here from
/// <see cref="FakeSecrets"/>, indented like the line they sit on, so no secret is ever stored in the repository.
/// </summary>
internal static class TestCodeBase
{
    public const string Root = "Contoso.Commerce";

    private static readonly Lazy<IReadOnlyList<(string Path, string Text)>> LazyFiles = new(Load);

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "TestData", Root);

    /// <summary>Repository-relative paths (forward slashes) and texts with the secrets filled in.</summary>
    public static IReadOnlyList<(string Path, string Text)> Files => LazyFiles.Value;

    public static string Text(string path) => Files.Single(f => f.Path == path).Text;

    public static IReadOnlyDictionary<string, string> Secrets { get; } = typeof(FakeSecrets)
        .GetProperties(BindingFlags.Public | BindingFlags.Static)
        .ToDictionary(p => p.Name, p => (string)p.GetValue(null)!);

    /// <summary>Every secret the code base holds: the FakeSecrets it names (their distinctive lines) and a few written out.</summary>
    public static IEnumerable<string> PlantedSecrets =>
        System.IO.Directory.GetFiles(Directory, "*.cs", SearchOption.AllDirectories)
            .SelectMany(p => Regex.Matches(File.ReadAllText(p), @"\{\{SECRET:(\w+)\}\}").Select(m => m.Groups[1].Value))
            .Distinct()
            .SelectMany(kind => Secrets[kind].Split('\n'))
            .Where(s => s.Length >= 12 && !s.StartsWith("-----", StringComparison.Ordinal) && !s.StartsWith("eyJhbGciOi", StringComparison.Ordinal))
            .Concat(["W1nter!sComing-2024", "Fr4nch1se!Pass", "maria.keller@contoso.com", "erp-gw01.corp", "192.168.40.77", "10.40.2.17"]);

    public static string FillSecrets(string text) => Regex.Replace(text, @"\{\{SECRET:(\w+)\}\}", match =>
    {
        var secret = Secrets[match.Groups[1].Value];
        var lineStart = text.LastIndexOf('\n', match.Index) + 1;
        var indent = new string(text.Skip(lineStart).TakeWhile(c => c == ' ').ToArray());
        return secret.Replace("\n", "\n" + indent);
    });

    /// <summary>Names the code base declares: namespaces (each part), types, and members.</summary>
    public static IReadOnlyCollection<string> DeclaredNames(SyntaxKind? only = null)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, text) in Files)
        {
            foreach (var node in CSharpSyntaxTree.ParseText(text).GetRoot().DescendantNodes())
            {
                switch (node)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        names.UnionWith(ns.Name.ToString().Split('.'));
                        break;
                    case BaseTypeDeclarationSyntax type:
                        names.Add(type.Identifier.ValueText);
                        break;
                    case DelegateDeclarationSyntax @delegate:
                        names.Add(@delegate.Identifier.ValueText);
                        break;
                    case MethodDeclarationSyntax method:
                        names.Add(method.Identifier.ValueText);
                        break;
                    case PropertyDeclarationSyntax property:
                        names.Add(property.Identifier.ValueText);
                        break;
                    case EventDeclarationSyntax @event:
                        names.Add(@event.Identifier.ValueText);
                        break;
                    case BaseFieldDeclarationSyntax field:
                        names.UnionWith(field.Declaration.Variables.Select(v => v.Identifier.ValueText));
                        break;
                    case EnumMemberDeclarationSyntax member:
                        names.Add(member.Identifier.ValueText);
                        break;
                    case ParameterSyntax { Parent.Parent: RecordDeclarationSyntax } positional:
                        names.Add(positional.Identifier.ValueText);
                        break;
                }
            }
        }

        return names;
    }

    private static IReadOnlyList<(string Path, string Text)> Load() =>
        System.IO.Directory.GetFiles(Directory, "*.cs", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path.GetRelativePath(Directory, p).Replace('\\', '/'), FillSecrets(File.ReadAllText(p))))
            .ToList();
}
