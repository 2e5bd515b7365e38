using CodeLeakGuard.Analyzers.Reflection;
using CodeLeakGuard.Analyzers.Tests.Verifiers;

namespace CodeLeakGuard.Analyzers.Tests;

public class AiReflectionLoadAnalyzerTests
{
    [Fact]
    public Task Loading_banned_sdks_by_name_is_reported() => new AnalyzerTest<AiReflectionLoadAnalyzer>
    {
        References = TestReferences.Runtime,
        Markup = """
            using System;
            using System.Reflection;
            using System.Runtime.Loader;

            class C
            {
                const string ClientType = "Anthropic.AnthropicClient, Anthropic";

                void M()
                {
                    var t1 = Type.GetType({|CLG1004:"OpenAI.Chat.ChatClient, OpenAI"|});
                    var t2 = Type.GetType({|CLG1004:ClientType|}, throwOnError: false);
                    var a1 = Assembly.Load({|CLG1004:"OpenAI, Version=2.15.0.0, Culture=neutral, PublicKeyToken=null"|});
                    var a2 = Assembly.LoadFrom({|CLG1004:"plugins/Anthropic.dll"|});
                    var a3 = AssemblyLoadContext.Default.LoadFromAssemblyPath({|CLG1004:"/opt/app/Mistral.SDK.dll"|});
                    var o = Activator.CreateInstance({|CLG1004:"OpenAI"|}, {|CLG1004:"OpenAI.OpenAIClient"|});
                    var name = new AssemblyName({|CLG1004:"Azure.AI.OpenAI"|});
                }
            }
            """,
    }.RunAsync();

    [Fact]
    public Task Ordinary_reflection_and_lookalike_methods_are_not_reported() => new AnalyzerTest<AiReflectionLoadAnalyzer>
    {
        References = TestReferences.Runtime,
        Markup = """
            using System;
            using System.Reflection;

            class Loader { public static object Load(string name) => name; }

            class C
            {
                void M(string dynamicName)
                {
                    var t = Type.GetType("System.Text.StringBuilder");
                    var a = Assembly.Load("System.Text.Json");
                    var d = Type.GetType(dynamicName);
                    var own = Loader.Load("OpenAI");
                    var text = "OpenAI".GetType();
                }
            }
            """,
    }.RunAsync();
}
