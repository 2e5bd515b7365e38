using System;
using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Analyzers.Infrastructure;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CodeLeakGuard.Analyzers.Proprietary;

/// <summary>
/// Calls that send data to an AI service: any method or constructor of an AI SDK the catalog knows (banned or approved,
/// hosted or vendor-neutral: an <c>IChatClient</c> may front any hosted model), and HttpClient calls whose URL is a
/// constant naming an AI endpoint (hosted provider, or approved endpoint not approved for proprietary code).
/// </summary>
internal sealed class AiSinkDetector
{
    private static readonly HashSet<string> HttpSends = new(StringComparer.Ordinal)
    {
        "PostAsync", "PutAsync", "PatchAsync", "SendAsync", "Send", "PostAsJsonAsync", "PutAsJsonAsync", "PatchAsJsonAsync", "GetAsync", "GetStringAsync",
    };

    private readonly AiPolicy _policy;
    private readonly IAssemblySymbol _sourceAssembly;

    public AiSinkDetector(AiPolicy policy, Compilation compilation)
    {
        _policy = policy;
        _sourceAssembly = compilation.Assembly;
    }

    public (string Name, string Detail)? Describe(IOperation call)
    {
        var method = call switch
        {
            IInvocationOperation invocation => invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod,
            IObjectCreationOperation creation => creation.Constructor,
            _ => null,
        };

        if (method is null)
        {
            return null;
        }

        var display = method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        var type = method.ContainingType;
        var fromSource = SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _sourceAssembly);
        var provider = fromSource ? null : _policy.FindAiProvider(method.ContainingAssembly?.Name, SymbolJudge.NamespaceOf(type?.ContainingNamespace), fromSource);
        if (provider is not null && provider.Name != "Local AI runtimes")
        {
            return (display, $" of {provider.Name}: proprietary data must never be sent to an AI service");
        }

        if (type is not null && HttpSends.Contains(method.Name) && (type.Name is "HttpClient" or "HttpClientJsonExtensions") && AiEndpointIn(call) is { } host)
        {
            return (display, $" on the AI endpoint '{host}': proprietary data must never be sent to an AI service");
        }

        return null;
    }

    private string? AiEndpointIn(IOperation call)
    {
        foreach (var operation in call.Descendants())
        {
            if (operation.ConstantValue is { HasValue: true, Value: string text })
            {
                foreach (var mention in CodeLeakGuard.Endpoints.HostMentions.Find(text))
                {
                    if (_policy.IsAiEndpoint(mention.Host, mention.Path))
                    {
                        return mention.Host;
                    }
                }
            }
        }

        return null;
    }
}
