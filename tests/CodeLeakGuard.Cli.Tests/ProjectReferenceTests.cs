using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Cli.Tests;

/// <summary>
/// One compilation per project, with the project's restored packages as references (from obj/project.assets.json):
/// a fake "OpenAI" package is emitted into a package folder, and only the project that restored it sees its types.
/// </summary>
public class ProjectReferenceTests
{
    private const string BotSource = """
        namespace App;

        public class Bot
        {
            public object Create() => new OpenAI.Chat.ChatClient("gpt-4o", "key");
        }
        """;

    [Fact]
    public void Package_assemblies_from_project_assets_resolve_banned_types()
    {
        using var dir = new TempDirectory();
        var packages = Path.Combine(dir.Path, "nuget-packages");
        EmitFakeOpenAi(Path.Combine(packages, "openai", "2.15.0", "lib", "net8.0", "OpenAI.dll"));

        var scanned = Path.Combine(dir.Path, "repo");
        Directory.CreateDirectory(scanned);
        File.WriteAllText(Path.Combine(scanned, "App.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />"); // not scanned: no .cs at root
        dir.Write("repo/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>");
        dir.Write("repo/App/obj/project.assets.json", AssetsJson(packages));
        dir.Write("repo/App/Chat/Bot.cs", BotSource);
        dir.Write("repo/Other/Other.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        dir.Write("repo/Other/Copy.cs", BotSource.Replace("class Bot", "class Copy"));

        var result = CliRunner.Run("scan", Path.Combine(dir.Path, "repo", "App"), "--format", "table");
        var all = CliRunner.Run("scan", scanned);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("CLG1001", result.Stdout);
        Assert.Contains("Chat/Bot.cs:5:35", result.Stdout);
        Assert.Contains("CLG1002", result.Stdout);
        Assert.Contains("App.csproj", result.Stdout);

        // Scanning the parent: App gets its packages; Other has no assets, so its fully qualified name does not resolve
        // and is judged by its written text.
        Assert.True(all.ExitCode == 1, all.ToString());
        Assert.Contains("App/Chat/Bot.cs:5:35", all.Stdout);
        Assert.Contains("Other/Copy.cs", all.Stdout);
        Assert.Contains("(2 compilations)", all.Stdout);
    }

    private static void EmitFakeOpenAi(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var compilation = CSharpCompilation.Create(
            "OpenAI",
            [CSharpSyntaxTree.ParseText("namespace OpenAI.Chat { public class ChatClient { public ChatClient(string model, string apiKey) { } } }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
    }

    private static string AssetsJson(string packageFolder) => $$"""
        {
          "version": 3,
          "targets": {
            "net10.0": {
              "OpenAI/2.15.0": { "type": "package", "compile": { "lib/net8.0/OpenAI.dll": { "related": ".xml" } } },
              "Placeholder/1.0.0": { "type": "package", "compile": { "lib/net10.0/_._": {} } },
              "Vanished/1.0.0": { "type": "package", "compile": { "lib/net8.0/Vanished.dll": {} } }
            }
          },
          "libraries": {
            "OpenAI/2.15.0": { "type": "package", "path": "openai/2.15.0" },
            "Placeholder/1.0.0": { "type": "package", "path": "placeholder/1.0.0" },
            "Vanished/1.0.0": { "type": "package", "path": "vanished/1.0.0" }
          },
          "packageFolders": { {{System.Text.Json.JsonSerializer.Serialize(packageFolder + Path.DirectorySeparatorChar)}}: {} }
        }
        """;
}
