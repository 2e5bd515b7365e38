using CodeLeakGuard.Analyzers.Proprietary;
using CodeLeakGuard.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace CodeLeakGuard.Analyzers.Tests;

public class ProprietaryAnalyzerTests
{
    private const string Attribute = """

        namespace CodeLeakGuard
        {
            [System.AttributeUsage(System.AttributeTargets.All)]
            internal sealed class ProprietaryAttribute : System.Attribute
            {
                public ProprietaryAttribute() { }
                public ProprietaryAttribute(string reason) { }
            }
        }
        """;

    [Fact]
    public Task Malformed_markers_are_reported() => new AnalyzerTest<ProprietaryMarkerAnalyzer>
    {
        References = TestReferences.Runtime,
        ComparedIds = [RuleIdentifiers.ProprietaryMarkerMalformed],
        Markup = """
            class C
            {
                {|CLG2001:// codeleakguard:proprietary-end|}
                void M([{|CLG2001:CodeLeakGuard.Proprietary|}] int x) { }
                {|CLG2001:// codeleakguard:proprietary-begin|}
                void N() { }
            }
            """ + Attribute,
    }.RunAsync();

    [Fact]
    public async Task Proprietary_code_is_marked_with_a_hidden_diagnostic_at_its_marker()
    {
        var test = new AnalyzerTest<ProprietaryMarkerAnalyzer>
        {
            References = TestReferences.Runtime,
            Markup = "[CodeLeakGuard.Proprietary(\"pricing\")] class Engine { }" + Attribute,
        };

        var marker = Assert.Single(await test.GetDiagnosticsAsync());
        Assert.Equal((RuleIdentifiers.ProprietaryRegion, DiagnosticSeverity.Hidden), (marker.Id, marker.Severity));
        Assert.Contains("pricing", marker.GetMessage());
    }

    [Fact]
    public Task Approved_ai_use_inside_proprietary_code_is_an_error() => new AnalyzerTest<ProprietaryAiUseAnalyzer>
    {
        AdditionalFiles = [("/repo/codeleakguard.policy", "allow provider OpenAI\napprove endpoint https://ai.contoso.internal\n")],
        Markup = """
            using OpenAI.Chat;

            class Open
            {
                ChatClient? _allowedHere;
                const string Gateway = "https://ai.contoso.internal/v1";
            }

            [CodeLeakGuard.Proprietary]
            class Pricing
            {
                {|CLG2002:ChatClient|}? _notHere;
                const string Gateway = "{|CLG2002:https://ai.contoso.internal/v1|}";
                const string Local = "http://localhost:11434/api";
            }
            """ + Attribute,
    }.RunAsync();

    [Fact]
    public Task An_explicit_proprietary_approval_is_honoured() => new AnalyzerTest<ProprietaryAiUseAnalyzer>
    {
        AdditionalFiles = [("/repo/codeleakguard.policy", "allow provider OpenAI proprietary=true\napprove endpoint https://ai.contoso.internal proprietary=true\n")],
        Markup = """
            using OpenAI.Chat;

            [CodeLeakGuard.Proprietary]
            class Pricing
            {
                ChatClient? _approved;
                const string Gateway = "https://ai.contoso.internal/v1";
            }
            """ + Attribute,
    }.RunAsync();

    [Fact]
    public Task Proprietary_data_flowing_into_ai_calls_is_reported() => new AnalyzerTest<ProprietaryDataFlowAnalyzer>
    {
        AdditionalFiles = [("/repo/codeleakguard.policy", "allow provider OpenAI\nproprietary path src/Pricing/**\n")],
        Markup = """
            using System.Collections.Generic;
            using System.IO;
            using System.Net.Http;
            using OpenAI.Chat;

            static class Pricing
            {
                #region Proprietary: margin rules
                public const string MarginFormula = "price * 1.42 - rebate";
                public static string Explain() => "tiered rebates";
                #endregion

                public static string PublicName => "Pricing";
            }

            class Assistant
            {
                void Direct(ChatClient chat) => chat.CompleteChat({|CLG2003:Pricing.MarginFormula|});

                void ThroughLocals(ChatClient chat)
                {
                    var rule = Pricing.Explain();
                    var prompt = "Explain: " + rule;
                    chat.CompleteChat({|CLG2003:prompt|});
                }

                void ThroughInterpolationAndCollections(ChatClient chat)
                {
                    var text = $"Review {Pricing.MarginFormula} please";
                    var messages = new List<ChatMessage> { ChatMessage.CreateUserMessage({|CLG2003:text|}) };
                    chat.CompleteChat({|CLG2003:messages|});
                }

                void FromAProprietaryFile(ChatClient chat)
                {
                    var source = File.ReadAllText("src/Pricing/Rules.cs");
                    chat.CompleteChat({|CLG2003:source.Trim()|});
                }

                async void OverHttp(HttpClient http)
                {
                    var body = new StringContent(Pricing.MarginFormula);
                    await http.PostAsync("https://api.openai.com/v1/chat/completions", {|CLG2003:body|});
                }

                void Harmless(ChatClient chat, HttpClient http)
                {
                    chat.CompleteChat(Pricing.PublicName);
                    chat.CompleteChat(File.ReadAllText("docs/README.md"));
                    var local = Pricing.MarginFormula;
                    System.Console.WriteLine(local);
                    http.PostAsync("https://intranet.contoso.example/log", new StringContent(Pricing.MarginFormula));
                }
            }
            """,
    }.RunAsync();

    [Fact]
    public Task Nothing_runs_without_proprietary_code() => new AnalyzerTest<ProprietaryDataFlowAnalyzer>
    {
        Markup = """
            using OpenAI.Chat;
            class Assistant
            {
                const string Text = "hello";
                void M(ChatClient chat) => chat.CompleteChat(Text);
            }
            """,
    }.RunAsync();
}
