using System.Text.Json;
using CodeLeakGuard.Cli.Scanning;

namespace CodeLeakGuard.Cli.Tests;

public class AssetsReferenceResolverTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "pkgs");

    private static string Expected(params string[] parts) => Path.GetFullPath(Path.Combine([Root, .. parts]));

    private static IReadOnlyList<string> Resolve(string json, Func<string, bool>? exists = null)
    {
        using var document = JsonDocument.Parse(json);
        return AssetsReferenceResolver.Resolve(document.RootElement, exists ?? (_ => true));
    }

    private static string Folders => $$"""{ {{JsonSerializer.Serialize(Root + Path.DirectorySeparatorChar)}}: {} }""";

    [Fact]
    public void Compile_items_resolve_under_the_library_path_in_the_package_folder()
    {
        var resolved = Resolve($$"""
            {
              "targets": { "net10.0": {
                "OpenAI/2.15.0": { "type": "package", "compile": { "lib/net8.0/OpenAI.dll": {} } },
                "System.ClientModel/1.8.0": { "type": "package", "compile": { "lib/net8.0/System.ClientModel.dll": {} } }
              } },
              "libraries": { "OpenAI/2.15.0": { "path": "openai/2.15.0" } },
              "packageFolders": {{Folders}}
            }
            """);

        Assert.Equal(
            [Expected("openai", "2.15.0", "lib", "net8.0", "OpenAI.dll"), Expected("system.clientmodel", "1.8.0", "lib", "net8.0", "System.ClientModel.dll")],
            resolved);
    }

    [Fact]
    public void Placeholders_projects_and_missing_files_are_skipped()
    {
        var resolved = Resolve($$"""
            {
              "targets": { "net10.0": {
                "Empty/1.0.0": { "type": "package", "compile": { "lib/net10.0/_._": {} } },
                "Lib/1.0.0": { "type": "project", "compile": { "bin/placeholder/Lib.dll": {} } },
                "Gone/1.0.0": { "type": "package", "compile": { "lib/net8.0/Gone.dll": {} } },
                "Here/1.0.0": { "type": "package", "compile": { "lib/net8.0/Here.dll": {} } }
              } },
              "packageFolders": {{Folders}}
            }
            """,
            path => !path.EndsWith("Gone.dll", StringComparison.Ordinal));

        Assert.Equal([Expected("here", "1.0.0", "lib", "net8.0", "Here.dll")], resolved);
    }

    [Fact]
    public void The_target_without_a_runtime_identifier_is_used()
    {
        var resolved = Resolve($$"""
            {
              "targets": {
                "net10.0/linux-x64": { "Rid/1.0.0": { "type": "package", "compile": { "lib/net8.0/Rid.dll": {} } } },
                "net10.0": { "Plain/1.0.0": { "type": "package", "compile": { "lib/net8.0/Plain.dll": {} } } }
              },
              "packageFolders": {{Folders}}
            }
            """);

        Assert.Equal([Expected("plain", "1.0.0", "lib", "net8.0", "Plain.dll")], resolved);
    }

    [Fact]
    public void Incomplete_assets_resolve_nothing_and_do_not_throw()
    {
        Assert.Empty(Resolve("{}"));
        Assert.Empty(Resolve("""{ "targets": { "net10.0": {} } }"""));
        Assert.Empty(Resolve($$"""{ "targets": [], "packageFolders": {{Folders}} }"""));
    }

    [Fact]
    public void Corrupt_assets_file_is_a_warning_not_a_failure()
    {
        using var dir = new TempDirectory();
        dir.Write("obj/project.assets.json", "{ not json");
        var warnings = new List<string>();

        var resolved = AssetsReferenceResolver.Resolve(dir.Path, warnings);

        Assert.Empty(resolved);
        Assert.Contains(warnings, w => w.Contains("project.assets.json", StringComparison.Ordinal));
    }
}
