using System.Text.Json.Nodes;

namespace CodeLeakGuard.Build.Benchmarks;

/// <summary>
/// A realistic project.assets.json of a large service: two frameworks, a few hundred packages with layered
/// dependencies (framework extensions, cloud SDKs, telemetry, test helpers), a handful of AI SDKs deep in the graph.
/// </summary>
public static class LargeAssetsFile
{
    public static string Create(int packageCount, int seed = 42)
    {
        var random = new Random(seed);
        var families = new[] { "Microsoft.Extensions", "Azure", "AWSSDK", "Google.Cloud", "OpenTelemetry", "Serilog", "Polly", "Grpc", "System", "Contoso.Platform" };
        var ids = Enumerable.Range(0, packageCount).Select(i => $"{families[i % families.Length]}.Component{i:D3}").ToList();
        ids.AddRange(new[] { "OpenAI", "Anthropic", "Microsoft.Extensions.AI.Abstractions", "System.ClientModel" });

        var targets = new JsonObject();
        var frameworks = new JsonObject();
        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            var target = new JsonObject();
            for (var i = 0; i < ids.Count; i++)
            {
                var dependencies = new JsonObject();
                // Layered: each package depends on a few packages later in the list, so the graph is a DAG of realistic depth.
                for (var d = 0; d < 4 && i + 1 < ids.Count; d++)
                {
                    var next = random.Next(i + 1, Math.Min(ids.Count, i + 60));
                    dependencies[ids[next]] = "1.0.0";
                }

                target[$"{ids[i]}/{1 + (i % 9)}.{i % 7}.{i % 5}"] = new JsonObject
                {
                    ["type"] = "package",
                    ["dependencies"] = dependencies,
                    ["compile"] = new JsonObject { [$"lib/{framework}/{ids[i]}.dll"] = new JsonObject { ["related"] = ".xml" } },
                    ["runtime"] = new JsonObject { [$"lib/{framework}/{ids[i]}.dll"] = new JsonObject { ["related"] = ".xml" } },
                };
            }

            targets[framework] = target;
            var direct = new JsonObject();
            foreach (var id in ids.Take(25))
            {
                direct[id] = new JsonObject { ["target"] = "Package", ["version"] = "[1.0.0, )" };
            }

            frameworks[framework] = new JsonObject { ["targetAlias"] = framework, ["dependencies"] = direct };
        }

        return new JsonObject
        {
            ["version"] = 3,
            ["targets"] = targets,
            ["libraries"] = new JsonObject(),
            ["project"] = new JsonObject
            {
                ["restore"] = new JsonObject { ["projectName"] = "LargeService", ["projectPath"] = "/src/LargeService/LargeService.csproj" },
                ["frameworks"] = frameworks,
            },
        }.ToJsonString();
    }
}
