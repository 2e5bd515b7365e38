using System.Collections.Generic;
using System.Collections.Immutable;
using CodeLeakGuard.Analyzers.Infrastructure;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CodeLeakGuard.Analyzers.Proprietary;

/// <summary>
/// CLG2003: proprietary data reaching an AI call — the value of a proprietary member, or the text of a file under a
/// proprietary policy path (<c>File.ReadAllText("src/Pricing/Rules.cs")</c>), passed to an AI SDK method or to an HTTP
/// call on an AI endpoint. Intra-procedural, over IOperation: through locals, concatenation, interpolation, conversions,
/// collection and object initializers. Runs only in compilations that have proprietary code or proprietary paths.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProprietaryDataFlowAnalyzer : PolicyAnalyzerBase
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ProprietaryDataToAi);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AiPolicy policy)
    {
        var index = ProprietaryCodeIndex.Create(policy, context.Compilation, context.CancellationToken);
        if (index is null)
        {
            return;
        }

        var sinks = new AiSinkDetector(policy, context.Compilation);
        context.RegisterOperationBlockStartAction(block =>
        {
            var writes = new LocalWrites();
            var calls = new System.Collections.Concurrent.ConcurrentBag<IOperation>();
            block.RegisterOperationAction(c => writes.Record(c.Operation), OperationKind.VariableDeclarator, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
            block.RegisterOperationAction(c => calls.Add(c.Operation), OperationKind.Invocation, OperationKind.ObjectCreation);
            block.RegisterOperationBlockEndAction(end =>
            {
                var taint = new TaintTracker(index, policy, writes, end.CancellationToken);
                foreach (var call in calls)
                {
                    if (sinks.Describe(call) is not { } sink)
                    {
                        continue;
                    }

                    foreach (var value in ArgumentValues(call))
                    {
                        if (taint.SourceOf(value) is { } source)
                        {
                            end.ReportDiagnostic(Diagnostic.Create(Descriptors.ProprietaryDataToAi, value.Syntax.GetLocation(), source, sink.Name, sink.Detail));
                        }
                    }
                }
            });
        });
    }

    /// <summary>Each argument's value; a params array is taken element by element, so the report points at the element.</summary>
    private static IEnumerable<IOperation> ArgumentValues(IOperation call)
    {
        var arguments = call switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };

        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    yield return element;
                }
            }
            else
            {
                yield return argument.Value;
            }
        }
    }
}
