using System;
using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Packages;

/// <summary>
/// Judges every package of every framework in a restore graph by the policy: one violation per banned package id,
/// with the frameworks that bring it in and the shortest path from the project. A package that only approved wrapper
/// packages depend on (<c>allow package Contoso.AI wraps=OpenAI</c>) is not a violation; a direct reference always is.
/// </summary>
public static class BannedPackageFinder
{
    /// <param name="frameworkOrder">The project's TargetFrameworks in its own order (the assets file sorts them).</param>
    public static IReadOnlyList<PackageViolation> Find(PackageGraph graph, AiPolicy policy, IReadOnlyList<string>? frameworkOrder = null)
    {
        var byId = new Dictionary<string, Accumulator>(StringComparer.OrdinalIgnoreCase);
        foreach (var framework in graph.Frameworks)
        {
            foreach (var node in framework.Nodes.Values)
            {
                if (node.IsProject || policy.CheckPackage(node.Id, node.Version) is not { } verdict || IsWrappedOnly(framework, node, policy))
                {
                    continue;
                }

                var path = ShortestPath(framework, node.Id, policy);
                if (path is null)
                {
                    continue; // in the lock file but unreachable from the project: not part of this build
                }

                if (!byId.TryGetValue(node.Id, out var accumulator))
                {
                    byId[node.Id] = accumulator = new Accumulator(node.Id, verdict);
                }

                accumulator.Add(framework.Name, node.Version, path);
            }
        }

        return byId.Values.Select(a => a.ToViolation(frameworkOrder)).OrderBy(v => v.PackageId, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// Banned packages that only approved wrappers bring in: not violations, and their assemblies are not reported
    /// as banned references either (the wrapper's compile-time dependency is expected).
    /// </summary>
    public static IReadOnlyList<string> FindWrappedOnly(PackageGraph graph, AiPolicy policy) =>
        graph.Frameworks
            .SelectMany(f => f.Nodes.Values.Where(n => !n.IsProject && policy.CheckPackage(n.Id, n.Version) is not null && IsWrappedOnly(f, n, policy)))
            .Select(n => n.Id)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(id => id, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static bool IsWrappedOnly(FrameworkGraph framework, PackageNode node, AiPolicy policy)
    {
        if (framework.DirectDependencies.Contains(node.Id, PackageGraph.IdComparer))
        {
            return false;
        }

        var dependents = framework.Nodes.Values.Where(n => n.Dependencies.Contains(node.Id, PackageGraph.IdComparer)).ToList();
        return dependents.Count > 0 && dependents.All(d => policy.IsWrapperOf(d.Id, node.Id));
    }

    /// <summary>
    /// Breadth-first from the project's direct references, so the path shown is the shortest one; an approved
    /// wrapper's edge to what it wraps is not followed, so the path names the reference that is really at fault.
    /// </summary>
    private static List<PackageNode>? ShortestPath(FrameworkGraph framework, string targetId, AiPolicy policy)
    {
        var previous = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>();
        foreach (var direct in framework.DirectDependencies)
        {
            if (!previous.ContainsKey(direct))
            {
                previous[direct] = null;
                queue.Enqueue(direct);
            }
        }

        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (string.Equals(id, targetId, StringComparison.OrdinalIgnoreCase))
            {
                var path = new List<PackageNode>();
                for (string? step = id; step is not null; step = previous[step])
                {
                    path.Add(framework.Nodes[step]);
                }

                path.Reverse();
                return path;
            }

            if (!framework.Nodes.TryGetValue(id, out var node))
            {
                continue;
            }

            foreach (var dependency in node.Dependencies)
            {
                if (!previous.ContainsKey(dependency) && framework.Nodes.ContainsKey(dependency) && !policy.IsWrapperOf(id, dependency))
                {
                    previous[dependency] = id;
                    queue.Enqueue(dependency);
                }
            }
        }

        return null;
    }

    private sealed class Accumulator
    {
        private readonly string _id;
        private readonly Verdict _verdict;
        private readonly List<string> _frameworks = new();
        private readonly List<string> _versions = new();
        private List<PackageNode>? _path;

        public Accumulator(string id, Verdict verdict)
        {
            _id = id;
            _verdict = verdict;
        }

        public void Add(string framework, string version, List<PackageNode> path)
        {
            _frameworks.Add(framework.Split('/')[0]); // a runtime graph (net8.0/linux-x64) is its framework's
            if (!_versions.Contains(version))
            {
                _versions.Add(version);
            }

            if (_path is null || path.Count < _path.Count)
            {
                _path = path;
            }
        }

        public PackageViolation ToViolation(IReadOnlyList<string>? frameworkOrder)
        {
            var frameworks = _frameworks.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (frameworkOrder is { Count: > 0 })
            {
                frameworks = frameworks.OrderBy(f => IndexOf(frameworkOrder, f)).ToList();
            }

            return new PackageViolation(_id, _versions, _verdict, frameworks, _path!);
        }

        private static int IndexOf(IReadOnlyList<string> order, string framework)
        {
            for (var i = 0; i < order.Count; i++)
            {
                if (string.Equals(order[i], framework, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return int.MaxValue;
        }
    }
}
