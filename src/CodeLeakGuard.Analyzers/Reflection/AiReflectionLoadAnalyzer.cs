using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using CodeLeakGuard.Analyzers.Infrastructure;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLeakGuard.Analyzers.Reflection;

/// <summary>
/// CLG1004: a banned AI SDK reached by name at run time — <c>Type.GetType</c>, <c>Assembly.Load</c>/<c>LoadFrom</c>/
/// <c>LoadFile</c>, <c>Activator.CreateInstance</c>, <c>AppDomain.CreateInstance*</c>, <c>AssemblyLoadContext.LoadFrom*</c>
/// and <c>new AssemblyName(...)</c> — with a constant argument that names a banned assembly, namespace or type.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AiReflectionLoadAnalyzer : PolicyAnalyzerBase
{
    private static readonly HashSet<string> MethodNames = new(StringComparer.Ordinal)
    {
        "GetType", "Load", "LoadFrom", "LoadFile", "UnsafeLoadFrom", "LoadWithPartialName", "ReflectionOnlyLoad", "ReflectionOnlyLoadFrom",
        "CreateInstance", "CreateInstanceFrom", "CreateInstanceAndUnwrap", "CreateInstanceFromAndUnwrap", "LoadFromAssemblyPath",
        "LoadFromNativeImagePath", "CreateComInstanceFrom",
    };

    private static readonly HashSet<string> ReflectionTypes = new(StringComparer.Ordinal)
    {
        "System.Type", "System.Reflection.Assembly", "System.Reflection.Module", "System.Activator", "System.AppDomain",
        "System.Runtime.Loader.AssemblyLoadContext", "System.Reflection.AssemblyName",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.AiReflectionLoad);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AiPolicy policy)
    {
        SyntaxCensusCache.RegisterVisit(context, (file, census) =>
            NodeContext.ForEach(file, census.Calls, c =>
            {
                if (c.Node is InvocationExpressionSyntax)
                {
                    AnalyzeInvocation(c, policy);
                }
                else
                {
                    AnalyzeCreation(c, policy);
                }
            }));
    }

    private static void AnalyzeInvocation(NodeContext context, AiPolicy policy)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };

        if (name is null || invocation.ArgumentList.Arguments.Count == 0 || !MethodNames.Contains(name))
        {
            return;
        }

        AnalyzeArguments(context, policy, invocation.ArgumentList);
    }

    private static void AnalyzeCreation(NodeContext context, AiPolicy policy)
    {
        var creation = (ObjectCreationExpressionSyntax)context.Node;
        var typeName = creation.Type is QualifiedNameSyntax q ? q.Right.Identifier.ValueText : (creation.Type as SimpleNameSyntax)?.Identifier.ValueText;
        if (typeName == "AssemblyName" && creation.ArgumentList is { Arguments.Count: > 0 } arguments)
        {
            AnalyzeArguments(context, policy, arguments);
        }
    }

    private static void AnalyzeArguments(NodeContext context, AiPolicy policy, ArgumentListSyntax arguments)
    {
        var model = context.SemanticModel;
        var method = model.GetSymbolInfo(arguments.Parent!, context.CancellationToken).Symbol as IMethodSymbol;
        if (method?.ContainingType is not { } type || !ReflectionTypes.Contains(type.ToDisplayString()))
        {
            return;
        }

        foreach (var argument in arguments.Arguments)
        {
            var constant = model.GetConstantValue(argument.Expression, context.CancellationToken);
            if (constant.HasValue && constant.Value is string value && value.Length > 0 && Judge(policy, value) is { } verdict)
            {
                context.ReportDiagnostic(VerdictDiagnostics.Create(Descriptors.AiReflectionLoad, argument.GetLocation(), value, verdict));
            }
        }
    }

    /// <summary>Reads a path, an assembly name, or an (assembly-qualified) type name the way the runtime would.</summary>
    internal static Verdict? Judge(AiPolicy policy, string value)
    {
        var trimmed = value.Trim();
        if (trimmed.IndexOfAny(new[] { '/', '\\' }) >= 0 || trimmed.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || trimmed.EndsWith(".exe", StringComparison.OrdinalIgnoreCase))
        {
            var file = Path.GetFileNameWithoutExtension(trimmed.Replace('\\', '/').Substring(trimmed.Replace('\\', '/').LastIndexOf('/') + 1));
            return file.Length == 0 ? null : policy.CheckAssembly(file);
        }

        var comma = TopLevelComma(trimmed);
        if (comma >= 0)
        {
            var typePart = trimmed.Substring(0, comma).Trim();
            var rest = trimmed.Substring(comma + 1);
            var assemblyPart = rest.Split(',')[0].Trim();
            return LooksLikeAssemblyProperty(assemblyPart)
                ? policy.CheckAssembly(typePart)
                : policy.CheckTypeName(StripGenericArguments(typePart), assemblyPart.Length == 0 ? null : assemblyPart);
        }

        return policy.CheckAssembly(trimmed) ?? policy.CheckTypeName(StripGenericArguments(trimmed), null);
    }

    private static int TopLevelComma(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '[': depth++; break;
                case ']': depth--; break;
                case ',' when depth == 0: return i;
            }
        }

        return -1;
    }

    // In "OpenAI, Version=2.15.0.0, Culture=neutral" the part after the comma is a property: an assembly name, not a type.
    private static bool LooksLikeAssemblyProperty(string first) => first.IndexOf('=') >= 0;

    private static string StripGenericArguments(string typeName)
    {
        var bracket = typeName.IndexOf('[');
        var name = bracket >= 0 ? typeName.Substring(0, bracket) : typeName;
        var tick = name.IndexOf('`');
        return (tick >= 0 ? name.Substring(0, tick) : name).Replace('+', '.');
    }
}
