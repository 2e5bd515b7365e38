using System.Composition;
using System.Reflection;
using System.Text.RegularExpressions;
using CodeLeakGuard.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLeakGuard.Analyzers.Tests;

/// <summary>Every rule is documented, linked, tracked for release; every fixer is exported and shared.</summary>
public class RulePaperworkTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    public static TheoryData<string> Descriptors()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AllDescriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Help_link_points_at_an_existing_docs_page(string id)
    {
        var descriptor = AllDescriptors().First(d => d.Id == id);
        Assert.Equal(RuleIdentifiers.GetHelpUri(id), descriptor.HelpLinkUri);
        var page = Path.Combine(RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}:", text);
        Assert.Contains(descriptor.Title.ToString(), text);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Rule_is_listed_in_the_release_tracking_file(string id)
    {
        var unshipped = File.ReadAllText(Path.Combine(RepositoryRoot, "src", "CodeLeakGuard.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Matches(new Regex($@"^{id}\s*\|", RegexOptions.Multiline), unshipped);
    }

    [Fact]
    public void Rule_ids_are_unique_and_in_their_ranges()
    {
        var ids = AllDescriptors().Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches(@"^CLG[1239]\d{3}$", id));
    }

    [Fact]
    public void Every_code_fix_is_exported_shared_and_fixes_a_known_rule()
    {
        var known = AllDescriptors().Select(d => d.Id).ToHashSet();
        var fixers = typeof(RemoveBannedUsingCodeFixProvider).Assembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.NotEmpty(fixers);
        foreach (var fixer in fixers)
        {
            Assert.NotNull(fixer.GetCustomAttribute<ExportCodeFixProviderAttribute>());
            Assert.NotNull(fixer.GetCustomAttribute<SharedAttribute>());
            var instance = (CodeFixProvider)Activator.CreateInstance(fixer)!;
            Assert.All(instance.FixableDiagnosticIds, id => Assert.Contains(id, known));
            Assert.NotNull(instance.GetFixAllProvider());
        }
    }

    internal static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        typeof(RuleIdentifiers).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .DistinctBy(d => d.Id);

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CodeLeakGuard.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CodeLeakGuard.sln not found above " + AppContext.BaseDirectory);
    }
}
